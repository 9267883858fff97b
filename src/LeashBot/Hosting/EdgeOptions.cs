using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LeashBot.Hosting;

/// <summary>
/// Which reverse proxies may tell the host who the client is (section <c>ForwardedHeaders</c>). Only a request that
/// arrives from one of these addresses has its <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed; from anyone
/// else the headers are ignored, and they make a request count as relayed (so it is never "this machine").
/// Empty by default: no proxy is trusted, not even one on loopback.
/// </summary>
public sealed class ForwardedHeadersSettings : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.4</c> or <c>::1</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies ?? [])
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                yield return new ValidationResult($"ForwardedHeaders:KnownProxies '{proxy}' is not an IP address.", [nameof(KnownProxies)]);
            }
        }

        foreach (var network in KnownNetworks ?? [])
        {
            if (!System.Net.IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult($"ForwardedHeaders:KnownNetworks '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/24).", [nameof(KnownNetworks)]);
            }
        }
    }

    public bool AnyConfigured => (KnownProxies?.Length ?? 0) + (KnownNetworks?.Length ?? 0) > 0;

    public ForwardedHeadersOptions ToOptions()
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };

        // ASP.NET Core trusts loopback by default; LeashBot trusts exactly what is configured.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in KnownNetworks ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        return options;
    }
}

/// <summary>
/// Response headers for every answer: no MIME sniffing, no framing by other sites, no referrer leaks, and a CSP Web Chat
/// runs under. The same middleware is the host's last word on failures: a request body the server could not read
/// (bad chunking, a cut connection, a form over Kestrel's limits) is the client's 4xx, anything else that escapes an
/// endpoint is a 500 that still carries these headers, and neither writes a stack trace to the log above Debug.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Web Chat injects its styles at run time (hence 'unsafe-inline' for styles only), talks to this host's Direct Line
    /// over fetch and a WebSocket ('self'), and shows data: and blob: images (avatars, adaptive card images).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; media-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SecurityHeaders).FullName!);
        return app.Use(async (context, next) =>
        {
            Apply(context.Response.Headers);
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var (status, code) = ex is BadHttpRequestException bad ? (bad.StatusCode, "unreadable_request") : (StatusCodes.Status500InternalServerError, "internal_error");
                if (status >= 500)
                {
                    logger.LogError("{Method} {Path} failed with {ExceptionType}", context.Request.Method, IncomingActivity.ForLog(context.Request.Path), ex.GetType().Name);
                }
                else
                {
                    logger.LogInformation("{Method} {Path}: the request could not be read ({Reason})", context.Request.Method, IncomingActivity.ForLog(context.Request.Path), IncomingActivity.ForLog(ex.Message));
                }

                logger.LogDebug(ex, "Request failure details");
                context.Response.Clear();
                Apply(context.Response.Headers);
                context.Response.StatusCode = status;
                await HttpProblems.Refuse(status, code, status >= 500 ? "The request could not be processed." : "The request could not be read.").ExecuteAsync(context);
            }
        });
    }

    private static void Apply(IHeaderDictionary headers)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
    }
}
