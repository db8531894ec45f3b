namespace Customer360Hub.Sandbox.World;

/// <summary>Names, nicknames and name-shaped values the world draws from (common ones first).</summary>
internal static class NamePools
{
    public static readonly string[] MaleGiven =
    [
        "James", "Robert", "John", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Christopher", "Daniel", "Matthew", "Anthony", "Steven", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian",
        "Edward", "Ronald", "Timothy", "Jason", "Jeffrey", "Gregory", "Benjamin", "Samuel", "Patrick", "Alexander",
        "Jonathan", "Nicholas", "Peter", "Henry", "Oliver", "Jack", "Harry", "George", "Lucas", "Noah",
        "Liam", "Ethan", "Mason", "Logan", "Elijah", "Sebastian", "Mateo", "Leo", "Hugo", "Lukas",
        "Jonas", "Felix", "Maximilian", "Paul", "Jan", "Sem", "Daan", "Bram", "Stefan", "Frank",
    ];

    public static readonly string[] FemaleGiven =
    [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Nancy", "Margaret", "Lisa", "Betty", "Dorothy", "Sandra", "Ashley", "Kimberly", "Emily", "Donna",
        "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Laura", "Katherine", "Christine",
        "Samantha", "Victoria", "Abigail", "Olivia", "Emma", "Sophia", "Isabella", "Charlotte", "Amelia", "Mia",
        "Harper", "Evelyn", "Grace", "Chloe", "Lily", "Hannah", "Anna", "Lena", "Sophie", "Marie",
        "Julia", "Laura", "Lotte", "Fenna", "Sanne", "Eva", "Alexandra", "Jacqueline", "Theresa", "Judith",
    ];

    public static readonly string[] FamilyUs =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
        "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
        "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
        "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
        "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
        "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
        "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
        "O'Brien", "O'Connor", "McDonald", "MacKenzie", "St. John", "DeLuca", "Van Buren", "Kowalski", "Novak", "Schmidt",
    ];

    public static readonly string[] FamilyGb =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodgers",
        "Hughes", "Edwards", "Turner", "Harris", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore",
        "Clark", "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "Scott", "Young", "Watson",
        "Ahmed", "Ali", "Singh", "Murray", "Campbell", "Stewart", "Reid", "MacLeod", "Fraser", "Ellis",
    ];

    public static readonly string[] FamilyDe =
    [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
    ];

    public static readonly string[] FamilyNl =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
    ];

    public static readonly string[] MiddleInitials = ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S", "T", "W"];

    /// <summary>Given name to the short forms people use for themselves.</summary>
    public static readonly Dictionary<string, string[]> Nicknames = new(StringComparer.Ordinal)
    {
        ["James"] = ["Jim", "Jimmy", "Jamie"], ["Robert"] = ["Bob", "Rob", "Bobby", "Robbie"], ["John"] = ["Jack", "Johnny"],
        ["Michael"] = ["Mike", "Mick"], ["William"] = ["Bill", "Will", "Billy", "Liam"], ["David"] = ["Dave", "Davey"],
        ["Richard"] = ["Rick", "Dick", "Rich"], ["Joseph"] = ["Joe", "Joey"], ["Thomas"] = ["Tom", "Tommy"],
        ["Charles"] = ["Charlie", "Chuck"], ["Christopher"] = ["Chris", "Kit"], ["Daniel"] = ["Dan", "Danny"],
        ["Matthew"] = ["Matt"], ["Anthony"] = ["Tony"], ["Steven"] = ["Steve"], ["Andrew"] = ["Andy", "Drew"],
        ["Joshua"] = ["Josh"], ["Kenneth"] = ["Ken", "Kenny"], ["Edward"] = ["Ed", "Eddie", "Ted"], ["Ronald"] = ["Ron", "Ronnie"],
        ["Timothy"] = ["Tim"], ["Jeffrey"] = ["Jeff"], ["Gregory"] = ["Greg"], ["Benjamin"] = ["Ben", "Benny"],
        ["Samuel"] = ["Sam"], ["Patrick"] = ["Pat", "Paddy"], ["Alexander"] = ["Alex", "Xander"], ["Jonathan"] = ["Jon"],
        ["Nicholas"] = ["Nick", "Nicky"], ["Peter"] = ["Pete"], ["Henry"] = ["Harry", "Hank"], ["Maximilian"] = ["Max"],
        ["Frank"] = ["Frankie"], ["Stefan"] = ["Steff"],
        ["Patricia"] = ["Pat", "Patty", "Trish"], ["Jennifer"] = ["Jen", "Jenny"], ["Elizabeth"] = ["Liz", "Beth", "Betsy", "Eliza"],
        ["Barbara"] = ["Barb"], ["Susan"] = ["Sue", "Susie"], ["Jessica"] = ["Jess"], ["Margaret"] = ["Maggie", "Meg", "Peggy"],
        ["Dorothy"] = ["Dot", "Dottie"], ["Sandra"] = ["Sandy"], ["Kimberly"] = ["Kim"], ["Deborah"] = ["Deb", "Debbie"],
        ["Stephanie"] = ["Steph"], ["Rebecca"] = ["Becky", "Becca"], ["Katherine"] = ["Kate", "Kathy", "Katie", "Kat"],
        ["Christine"] = ["Chris", "Chrissy"], ["Samantha"] = ["Sam"], ["Victoria"] = ["Vicky", "Tori"], ["Abigail"] = ["Abby"],
        ["Alexandra"] = ["Alex", "Sasha"], ["Jacqueline"] = ["Jackie"], ["Theresa"] = ["Terry", "Tess"], ["Judith"] = ["Judy"],
        ["Amanda"] = ["Mandy"], ["Melissa"] = ["Mel", "Missy"], ["Michelle"] = ["Shelly"], ["Olivia"] = ["Liv"],
        ["Isabella"] = ["Bella", "Izzy"], ["Charlotte"] = ["Charlie", "Lottie"], ["Evelyn"] = ["Evie"],
    };

    public static readonly string[] PersonalDomainsUs = ["gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com", "proton.me", "comcast.net"];
    public static readonly string[] PersonalDomainsGb = ["gmail.com", "outlook.com", "hotmail.co.uk", "yahoo.co.uk", "btinternet.com", "icloud.com"];
    public static readonly string[] PersonalDomainsDe = ["gmail.com", "gmx.de", "web.de", "t-online.de", "outlook.de"];
    public static readonly string[] PersonalDomainsNl = ["gmail.com", "ziggo.nl", "kpnmail.nl", "outlook.com", "hotmail.nl"];

    /// <summary>Role mailboxes companies share among many people.</summary>
    public static readonly string[] RoleMailboxes = ["info", "sales", "office", "accounts", "billing", "support", "admin", "hello", "contact", "purchasing"];

    /// <summary>Values typed into a phone field when the real number is not known.</summary>
    public static readonly string[] PlaceholderPhones = ["000-000-0000", "555-555-5555", "1234567890", "999-999-9999", "+1 000 000 0000", "0000000000", "n/a", "111-111-1111"];

    public static readonly string[] JobTitles =
    [
        "CEO", "CFO", "Head of Finance", "Accounts Payable Clerk", "Purchasing Manager", "Operations Manager", "IT Director",
        "Office Manager", "Procurement Specialist", "VP Sales", "Marketing Manager", "Controller", "Buyer", "Founder", "COO",
    ];

    public static readonly string[] CompanyPrefixes =
    [
        "Northwind", "Contoso", "Fabrikam", "Blue Harbor", "Summit", "Redwood", "Silverline", "Ironbridge", "Brightpath", "Evergreen",
        "Lakeside", "Granite", "Pioneer", "Sterling", "Oakridge", "Crescent", "Horizon", "Maple", "Cobalt", "Juniper",
        "Falcon", "Harbor Point", "Keystone", "Riverside", "Alpine", "Beacon", "Cedar", "Atlas", "Vertex", "Meridian",
        "Nordlicht", "Rheintal", "Hanse", "Polder", "Zuiderzee", "Thames", "Pennine", "Highland", "Windmill", "Bergmann",
    ];

    public static readonly string[] CompanyCores =
    [
        "Logistics", "Manufacturing", "Foods", "Analytics", "Engineering", "Outfitters", "Dental", "Construction", "Software", "Supply",
        "Pharma", "Consulting", "Energy", "Textiles", "Robotics", "Hospitality", "Media", "Instruments", "Farms", "Freight",
    ];

    public static readonly string[] CompanySuffixesUs = ["Inc.", "LLC", "Corp.", "Co.", "Group"];
    public static readonly string[] CompanySuffixesGb = ["Ltd", "Ltd.", "PLC", "Limited", "Group"];
    public static readonly string[] CompanySuffixesDe = ["GmbH", "AG", "GmbH & Co. KG", "KG"];
    public static readonly string[] CompanySuffixesNl = ["B.V.", "BV", "N.V.", "Holding B.V."];
}
