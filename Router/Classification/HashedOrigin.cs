namespace LocalOpenAi.Router.Classification;

/// <summary>Where a hashed feature was first seen: a group, a text segment and a range in it.</summary>
internal readonly record struct HashedOrigin(HashedGroup Group, int Segment, int Start, int Length);
