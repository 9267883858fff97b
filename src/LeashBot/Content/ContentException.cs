namespace LeashBot.Content;

/// <summary>A content file in <c>dialogs/</c> is missing, unreadable or wrong; the message names the file and the place.</summary>
public sealed class ContentException : Exception
{
    public ContentException(string message) : base(message)
    {
    }

    public ContentException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public ContentException()
    {
    }
}
