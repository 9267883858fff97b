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

/// <summary>Response headers for every answer: no MIME sniffing, no framing by other sites, no referrer leaks, and a CSP Web Chat runs under.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Web Chat injects its styles at run time (hence 'unsafe-inline' for styles only), talks to this host's Direct Line
    /// over fetch and a WebSocket ('self'), and shows data: and blob: images (avatars, adaptive card images).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        + "connect-src 'self'; media-src 'self' data: blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "SAMEORIGIN";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return next(context);
    });
}
