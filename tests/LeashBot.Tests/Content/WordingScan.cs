using System.Text;
using System.Text.RegularExpressions;
using LeashBot.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LeashBot.Tests.Content;

/// <summary>A string in C# source that reads like something the bot would say to a person.</summary>
public sealed record WordingFound(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line}: \"{Text}\"";
}

/// <summary>
/// Finds bot wording in C# source with Roslyn's syntax tree: every string literal and interpolated string, except
/// those written for developers and machines (log messages, exception messages, attribute arguments, comments),
/// that reads like words for a person: two words side by side, a word that ends like a sentence, or an emoji.
/// Identifiers, routes, header names, JSON property names and settings keys are one token and never match.
/// <see cref="FindWordLists"/> finds the other kind of words that belong in dialogs/: lists of words a message is read with.
/// </summary>
public static partial class WordingScan
{
    /// <summary>Calls whose text goes to developers or operators, or is input being matched, never into a chat.</summary>
    private static readonly HashSet<string> DeveloperCalls = new(StringComparer.Ordinal)
    {
        "Fail", // ValidateOptionsResult.Fail: a bad setting, reported at start-up to whoever runs the host.
        "WriteLine", "Write", // the console, read by whoever runs the host
        "StartsWith", "EndsWith", "Contains", "Equals", "IndexOf", "Parse", // text being matched or parsed
    };

    /// <summary>Every C# file under src/, as a path from the repository's root with forward slashes.</summary>
    public static IEnumerable<string> SourceFiles()
    {
        var src = Path.Combine(RepoRoot.Path, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoRoot.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
    }

    public static IReadOnlyList<WordingFound> Find(string source, string file)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var found = new List<WordingFound>();
        foreach (var node in root.DescendantNodes())
        {
            var text = node switch
            {
                LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => TextOf(interpolated),
                _ => null,
            };
            if (text is null || text.Length == 0 || (!ReadsLikeWording(text) && !GoesStraightToAChat(node)) || IsForDevelopers(node))
            {
                continue;
            }

            found.Add(new WordingFound(file, node.GetLocation().GetLineSpan().StartLinePosition.Line + 1, text));
        }

        return found;
    }

    /// <summary>True for text a person would read: two words side by side, or one word with an emoji or ending like a sentence.</summary>
    public static bool ReadsLikeWording(string text) =>
        TwoWords().IsMatch(text) || Sentence().IsMatch(text) || HasEmoji(text);

    /// <summary>Calls and types whose text is shown in a chat whatever it looks like, even one plain word ("Yes").</summary>
    private static readonly HashSet<string> ChatSurfaces = new(StringComparer.Ordinal)
    {
        "MessageFactory.Text", "SendActivityAsync", "Choice", "CardAction", "HeroCard", "SuggestedActions",
    };

    private static bool GoesStraightToAChat(SyntaxNode node) =>
        node.Parent is ArgumentSyntax { Parent.Parent: var call } && call switch
        {
            InvocationExpressionSyntax invocation => NameOf(invocation.Expression) is { } name
                && (ChatSurfaces.Contains(name) || (invocation.Expression is MemberAccessExpressionSyntax { Expression: var on } && ChatSurfaces.Contains($"{on}.{name}"))),
            ObjectCreationExpressionSyntax creation => ChatSurfaces.Contains(LastName(creation.Type)),
            _ => false,
        };

    private static string TextOf(InterpolatedStringExpressionSyntax interpolated)
    {
        var text = new StringBuilder();
        foreach (var part in interpolated.Contents)
        {
            text.Append(part is InterpolatedStringTextSyntax literal ? literal.TextToken.ValueText : "{…}");
        }

        return text.ToString();
    }

    private static bool IsForDevelopers(SyntaxNode node)
    {
        // A literal inside an interpolated string is judged with the whole string.
        if (node.Ancestors().Any(a => a is InterpolatedStringExpressionSyntax))
        {
            return true;
        }

        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeSyntax:
                case ThrowExpressionSyntax or ThrowStatementSyntax:
                    return true;

                // Exceptions and settings problems are for developers and operators.
                case BaseObjectCreationExpressionSyntax creation when CreatesDeveloperText(creation):
                    return true;
                case ConstructorInitializerSyntax when ancestor.Ancestors().OfType<ClassDeclarationSyntax>().FirstOrDefault() is { BaseList: { } bases }
                    && bases.Types.Any(t => LastName(t.Type).EndsWith("Exception", StringComparison.Ordinal)):
                    return true;

                // A chat reply is an activity; an anonymous object is a JSON body for an HTTP client.
                case AnonymousObjectCreationExpressionSyntax:
                    return true;

                // Text an owner's message or a setting is compared with is input, not something said.
                case ConstantPatternSyntax:
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    return true;
                // An HTTP response with a status code explains itself to the calling client's developer.
                case InvocationExpressionSyntax invocation when invocation.ArgumentList.Arguments.Any(a =>
                    a.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "StatusCodes" } }):
                    return true;
                case InvocationExpressionSyntax invocation when NameOf(invocation.Expression) is { } name
                    && (name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("Recognize", StringComparison.Ordinal) || DeveloperCalls.Contains(name)):
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool CreatesDeveloperText(BaseObjectCreationExpressionSyntax creation) => creation switch
    {
        ObjectCreationExpressionSyntax explicitType => LastName(explicitType.Type) is var type
            && (type.EndsWith("Exception", StringComparison.Ordinal) || type == "ValidationResult"),

        // new("...") in a throw is already covered; elsewhere a target-typed new is judged by its contents.
        _ => false,
    };

    private static string? NameOf(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        _ => null,
    };

    private static string LastName(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => type.ToString(),
    };

    private static bool HasEmoji(string text) =>
        text.EnumerateRunes().Any(r => r.Value >= 0x1F300 || (r.Value >= 0x2600 && r.Value <= 0x27BF));

    /// <summary>Two words side by side, as in a sentence: "your cat", "Hi there".</summary>
    [GeneratedRegex(@"\p{L}{2,}[,!?.;:]?[ ]+[\p{P}]?\p{L}{2,}")]
    private static partial Regex TwoWords();

    /// <summary>One word that ends like a sentence: "Thanks!", "Sure?" (an id such as "language." starts lower-case).</summary>
    [GeneratedRegex(@"^\s*\p{Lu}\p{L}+[!?.]+\s*$")]
    private static partial Regex Sentence();

    /// <summary>Each list of two or more lowercase words, as "file:line: words".</summary>
    public static IEnumerable<string> FindWordLists(string source, string file)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            var items = node switch
            {
                CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
                InitializerExpressionSyntax initializer when !initializer.IsKind(SyntaxKind.ObjectInitializerExpression) => initializer.Expressions,
                IsPatternExpressionSyntax { Pattern: var pattern } => Constants(pattern),
                _ => [],
            };
            var words = items.OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
                .Select(l => l.Token.ValueText).Where(w => LowercaseWord().IsMatch(w)).ToList();
            if (words.Count >= 2)
            {
                yield return $"{file}:{node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {string.Join(", ", words)}";
            }
        }
    }

    private static IEnumerable<ExpressionSyntax> Constants(PatternSyntax pattern) => pattern switch
    {
        ConstantPatternSyntax constant => [constant.Expression],
        BinaryPatternSyntax binary => Constants(binary.Left).Concat(Constants(binary.Right)),
        ParenthesizedPatternSyntax parenthesized => Constants(parenthesized.Pattern),
        UnaryPatternSyntax unary => Constants(unary.Pattern),
        _ => [],
    };

    /// <summary>A lowercase word or phrase: letters, apostrophes and spaces only.</summary>
    [GeneratedRegex(@"^\p{Ll}[\p{Ll}' ]*$")]
    private static partial Regex LowercaseWord();
}
