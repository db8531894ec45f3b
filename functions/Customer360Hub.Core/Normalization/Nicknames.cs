namespace Customer360Hub.Normalization;

/// <summary>
/// Common English given-name diminutives and the formal names they stand for, so that "Bob"
/// and "Robert" compare as the same given name. A diminutive may stand for several names
/// ("Alex": Alexander, Alexandra).
/// </summary>
public static class Nicknames
{
    private static readonly Dictionary<string, string[]> Formal = Build();

    /// <summary>The formal names <paramref name="given"/> may stand for, itself included.</summary>
    public static IReadOnlyList<string> FormalNamesOf(string given)
    {
        ArgumentNullException.ThrowIfNull(given);
        return Formal.TryGetValue(given, out var names) ? names : [given];
    }

    /// <summary>True when both names may stand for the same formal name ("bill" and "will", "bob" and "robert").</summary>
    public static bool AreEquivalent(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a == b)
        {
            return true;
        }

        // Looked up without FormalNamesOf, which allocates for a name that is not in the table.
        var inA = Formal.TryGetValue(a, out var formalA);
        var inB = Formal.TryGetValue(b, out var formalB);
        if (!inA || !inB)
        {
            return (inA && Array.IndexOf(formalA!, b) >= 0) || (inB && Array.IndexOf(formalB!, a) >= 0);
        }

        foreach (var name in formalA!)
        {
            if (Array.IndexOf(formalB!, name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, string[]> Build()
    {
        // formal name: its diminutives
        var table = new (string Formal, string Diminutives)[]
        {
            ("abigail", "abby abbie gail"), ("albert", "al bert bertie"), ("alexander", "alex alec alexi sandy sasha xander lex"),
            ("alexandra", "alex alexa lexi sandra sandy sasha"), ("alfred", "al alf alfie fred freddie"), ("allison", "ali allie"),
            ("amanda", "mandy manda"), ("andrew", "andy drew"), ("angela", "angie"), ("anthony", "tony ant"), ("antonio", "tony toni"),
            ("arthur", "art artie"), ("barbara", "barb barbie babs"), ("benjamin", "ben benny benji"), ("bernard", "bernie"),
            ("beverly", "bev"), ("bradley", "brad"), ("catherine", "cathy cat kate katie cate"), ("charles", "charlie chuck chas chaz"),
            ("charlotte", "charlie lottie"), ("christina", "chris christy chrissy tina"), ("christine", "chris christy chrissy tina"),
            ("christopher", "chris kit topher"), ("clifford", "cliff"), ("cynthia", "cindy"), ("daniel", "dan danny"),
            ("david", "dave davey"), ("deborah", "deb debbie debby"), ("donald", "don donnie"), ("dorothy", "dot dottie dolly"),
            ("douglas", "doug"), ("edward", "ed eddie ted teddy ned"), ("eleanor", "ellie nell nora"), ("elizabeth", "liz lizzie beth betty bess betsy eliza libby lisa"),
            ("emily", "em emmy"), ("eugene", "gene"), ("frances", "fran frannie"), ("francis", "frank fran"), ("frederick", "fred freddie freddy"),
            ("gabriel", "gabe"), ("gabriella", "gabby gabi"), ("geoffrey", "geoff"), ("gerald", "gerry jerry"), ("gregory", "greg"),
            ("harold", "hal harry"), ("harry", "hal"), ("henry", "hank harry hal"), ("isabella", "bella izzy isa"), ("jacob", "jake jack"),
            ("james", "jim jimmy jamie"), ("jane", "janie jenny"), ("jeffrey", "jeff"), ("jennifer", "jen jenny jenn"),
            ("jessica", "jess jessie"), ("john", "jack johnny jon"), ("jonathan", "jon jonny"), ("joseph", "joe joey"),
            ("joshua", "josh"), ("judith", "judy"), ("katherine", "kathy kate katie kat kay kitty"), ("kathleen", "kathy kate katie"),
            ("kenneth", "ken kenny"), ("lawrence", "larry laurie"), ("leonard", "len lenny leo"), ("louis", "lou"), ("margaret", "maggie meg peggy marge madge greta"),
            ("matthew", "matt matty"), ("michael", "mike mick mikey mickey"), ("nathan", "nate"), ("nathaniel", "nate nat nathan"),
            ("nicholas", "nick nicky"), ("patricia", "pat patty trish tricia"), ("patrick", "pat paddy rick"), ("peter", "pete"),
            ("philip", "phil"), ("phillip", "phil"), ("rebecca", "becky becca"), ("richard", "rich rick ricky dick"), ("robert", "rob bob bobby robbie bert"),
            ("ronald", "ron ronnie"), ("samantha", "sam sammy"), ("samuel", "sam sammy"), ("sarah", "sara sally sadie"),
            ("stephen", "steve stevie"), ("steven", "steve stevie"), ("susan", "sue susie suzy"), ("suzanne", "sue suzy"),
            ("theodore", "ted teddy theo"), ("thomas", "tom tommy"), ("timothy", "tim timmy"), ("victoria", "vicky vickie tori"),
            ("vincent", "vince vinny"), ("walter", "walt wally"), ("william", "will bill billy willie liam"), ("zachary", "zach zack"),
            ("valerie", "val"), ("veronica", "ronnie vera"), ("raymond", "ray"), ("randall", "randy"), ("russell", "russ"),
            ("terence", "terry"), ("teresa", "terry tess tessa"), ("virginia", "ginny ginger"), ("wilhelmina", "mina willa"),
            ("johann", "hans"), ("johannes", "hans jan"), ("giuseppe", "beppe peppe"), ("francesco", "franco cesco"), ("alejandro", "alex ale"),
            ("francisco", "paco pancho"), ("jose", "pepe"), ("guillermo", "memo"), ("ignacio", "nacho"),
            ("ann", "annie"), ("anne", "annie"), ("augustus", "gus"), ("cameron", "cam"), ("caroline", "carrie caro"), ("carolyn", "carrie"),
            ("danielle", "dani"), ("dominic", "dom"), ("ernest", "ernie"), ("evelyn", "evie eve"), ("florence", "flo"), ("frank", "frankie"),
            ("franklin", "frank frankie"), ("gwendolyn", "gwen"), ("harriet", "hattie"), ("helen", "nell nellie"), ("jacqueline", "jackie jacqui"),
            ("jeremy", "jerry"), ("josephine", "jo josie"), ("julia", "jules"), ("kimberly", "kim kimmy"), ("lillian", "lily lil"),
            ("louise", "lou lulu"), ("madeline", "maddie"), ("mary", "molly polly mae"), ("maximilian", "max maxi"), ("maxwell", "max"),
            ("melissa", "mel missy lissa"), ("michelle", "shelly shell"), ("mitchell", "mitch"), ("natalie", "nat"), ("nicole", "nikki"),
            ("oliver", "ollie"), ("olivia", "liv livvy"), ("penelope", "penny"), ("reginald", "reggie reg"), ("sandra", "sandy sandi"),
            ("sophia", "sophie"), ("stanley", "stan"), ("stefan", "steff stef"), ("stephanie", "steph stephie"), ("tobias", "toby"),
        };

        var formal = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, diminutives) in table)
        {
            foreach (var diminutive in diminutives.Split(' '))
            {
                if (!formal.TryGetValue(diminutive, out var names))
                {
                    formal[diminutive] = names = [diminutive];
                }

                names.Add(name);
            }

            if (!formal.ContainsKey(name))
            {
                formal[name] = [name];
            }
        }

        return formal.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
