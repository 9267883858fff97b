namespace LeashBot.Hosting;

/// <summary>
/// How LeashBot's own endpoints refuse a request: RFC 9457 problem details (<c>application/problem+json</c>) with the
/// status, its title, the reason in <c>detail</c> and, where a caller may act on it, a short machine-readable
/// <c>error</c> code. Direct Line keeps its protocol's own error shape, and Twilio's webhook answers in TwiML.
/// </summary>
public static class HttpProblems
{
    /// <summary>A refusal with a reason and a code (<c>bad_json</c>, <c>unauthorized</c>, ...).</summary>
    public static IResult Refuse(int status, string code, string reason) =>
        TypedResults.Problem(detail: reason, statusCode: status, extensions: new Dictionary<string, object?> { ["error"] = code });

    /// <summary>A refusal with a reason only.</summary>
    public static IResult Refuse(int status, string reason) => TypedResults.Problem(detail: reason, statusCode: status);
}
