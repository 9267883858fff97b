namespace LeashBot.Safety;

/// <summary>
/// A message as the red-flag triage reads it is a list of ints: a word's id (above zero, see <see cref="TriageVocabulary"/>)
/// or one of these marks. A word that is no red-flag word is either <see cref="Unknown"/> or <see cref="Harmless"/>;
/// both say nothing about health, but only a harmless word is one the bot's content is known to use.
/// </summary>
internal static class TriageTokens
{
    /// <summary>A word the triage does not know at all (nor as a typo of one it knows).</summary>
    public const int Unknown = 0;

    /// <summary>A comma: a soft break inside a sentence.</summary>
    public const int Comma = -1;

    /// <summary>The end of a sentence that is no question.</summary>
    public const int SentenceEnd = -2;

    /// <summary>The end of a question ("?").</summary>
    public const int QuestionEnd = -3;

    /// <summary>A word the bot's content uses that is no red-flag word in any form (or a typo of one): never corrected into a red flag.</summary>
    public const int Harmless = -4;

    /// <summary>True for either end of a sentence.</summary>
    public static bool IsEnd(int token) => token is SentenceEnd or QuestionEnd;

    /// <summary>True for a word that is no red-flag word: unknown or harmless.</summary>
    public static bool IsOtherWord(int token) => token is Unknown or Harmless;
}
