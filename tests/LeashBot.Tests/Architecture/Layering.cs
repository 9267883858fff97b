namespace LeashBot.Tests.Architecture;

/// <summary>
/// One use the layering allows although it goes up or sideways, and why. <see cref="From"/> is a folder ("Content",
/// "Channels/DirectLine", sub-folders included); <see cref="To"/> is a folder or one type's full name.
/// </summary>
public sealed record AllowedUse(string From, string To, string Because);

/// <summary>
/// The folders of one assembly in order, bottom first, each holding the namespace of its path (Channels/Sms holds
/// LeashBot.Channels.Sms). A type may use the types of its own folder and of the folders below it. Inside a folder,
/// a sub-folder may use the folder's own types but not a sibling sub-folder's (SMS never reaches into Teams).
/// </summary>
public sealed class Layering(string rootNamespace, IReadOnlyList<string> bottomUp, IReadOnlyList<AllowedUse>? allowed = null)
{
    private readonly IReadOnlyList<AllowedUse> _allowed = allowed ?? [];

    public IReadOnlyList<string> BottomUp => bottomUp;

    /// <summary>
    /// Every use that breaks the layering, one line per pair of types, naming both types, both folders and where the
    /// use is (see <see cref="TypeUses"/>). Types outside the root namespace or from other assemblies are not judged; a
    /// type in the root namespace itself or in a folder the order does not list is a problem of its own.
    /// </summary>
    public IReadOnlyList<string> Problems(IEnumerable<Type> types)
    {
        var all = types.ToList();
        var problems = all.Select(t => FolderOf(t) is { } folder ? Unplaced(t, folder) : null).OfType<string>().ToList();
        var seen = new HashSet<(Type, Type)>();
        foreach (var use in TypeUses.Of(all))
        {
            if (Judged(use) is not { } folders || !seen.Add((use.Owner, use.Used)))
            {
                continue;
            }

            var (from, to) = folders;
            if (Breaks(from, to) is { } rule && !_allowed.Any(a => Allows(a, from, to, use.Used)))
            {
                problems.Add($"{use.Owner.FullName} ({from}/) uses {use.Used.FullName} ({to}/) in {use.Where}: {rule}.");
            }
        }

        return problems;
    }

    /// <summary>The allowances no use needs any more (so they can be deleted).</summary>
    public IReadOnlyList<AllowedUse> Unneeded(IEnumerable<Type> types)
    {
        var needed = new HashSet<AllowedUse>();
        foreach (var use in TypeUses.Of(types))
        {
            if (Judged(use) is ({ } from, { } to) && Breaks(from, to) is not null)
            {
                needed.UnionWith(_allowed.Where(a => Allows(a, from, to, use.Used)));
            }
        }

        return [.. _allowed.Where(a => !needed.Contains(a))];
    }

    /// <summary>The folder path of a type's namespace ("Channels/Sms"), "" for the root namespace, null outside it.</summary>
    public string? FolderOf(Type type)
    {
        var ns = type.Namespace;
        if (ns == rootNamespace)
        {
            return "";
        }

        return ns is not null && ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal)
            ? ns[(rootNamespace.Length + 1)..].Replace('.', '/')
            : null;
    }

    /// <summary>The folders of a use between two types of the root namespace of one assembly; null for any other use.</summary>
    private (string From, string To)? Judged(TypeUse use) =>
        use.Used.Assembly == use.Owner.Assembly && FolderOf(use.Owner) is { } from && FolderOf(use.Used) is { } to ? (from, to) : null;

    private string? Unplaced(Type type, string folder) =>
        folder.Length == 0 ? $"{type.FullName} is in the root namespace {rootNamespace}: put it in the folder it belongs to."
        : Rank(folder) < 0 ? $"{type.FullName} is in folder {Top(folder)}/, which the layering does not list: add the folder to the order (and to the README's table)."
        : null;

    /// <summary>Why a type in <paramref name="from"/> may not use one in <paramref name="to"/>, or null when it may.</summary>
    private string? Breaks(string from, string to)
    {
        int fromRank = Rank(from), toRank = Rank(to);
        if (fromRank < 0 || toRank < 0)
        {
            return null; // reported as unplaced
        }

        if (fromRank < toRank)
        {
            var below = bottomUp.Take(fromRank).Select(f => f + "/").ToList();
            return $"{Top(from)}/ is below {Top(to)}/, so it may use only its own folder"
                + (below.Count == 0 ? "" : " and " + string.Join(", ", below));
        }

        var fromParts = from.Split('/');
        var toParts = to.Split('/');
        return fromRank == toRank && fromParts.Length > 1 && toParts.Length > 1 && fromParts[1] != toParts[1]
            ? $"{from}/ and {to}/ are side by side in {Top(from)}/; what both need belongs in {Top(from)}/ itself"
            : null;
    }

    private static bool Allows(AllowedUse allowance, string from, string to, Type used) =>
        (from == allowance.From || from.StartsWith(allowance.From + "/", StringComparison.Ordinal))
        && (to == allowance.To || to.StartsWith(allowance.To + "/", StringComparison.Ordinal) || used.FullName == allowance.To);

    private int Rank(string folder) => bottomUp.ToList().IndexOf(Top(folder));

    private static string Top(string folder) => folder.Split('/')[0];
}
