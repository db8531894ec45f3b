namespace Customer360Hub.Matching;

/// <summary>
/// What the contacts of two organisation records say: how many of the people who are contacts
/// of the first are, as resolved now, the same people as contacts of the second, and how many
/// contacts each has. Two records of one organisation list the same people; two organisations
/// almost never do.
/// </summary>
public readonly record struct ContactOverlap(int Shared, int Contacts, int OtherContacts);
