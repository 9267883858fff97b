using System.Reflection;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace LeashBot.Hosting.StaffConsole;

/// <summary>
/// <c>/console</c>: the staff page (its words and script are files: <c>Pages/*.html</c> and <c>wwwroot/console/</c>) and
/// the JSON, CSV and label files it reads, all behind <see cref="ConsoleAccess"/>. Never a phone number: owners are
/// pseudonyms, kept words have long numbers masked. Posts must come from the console's own origin.
/// </summary>
public static class ConsoleEndpoints
{
    /// <summary>The document around every sign-in page: head, stylesheet and the console's heading.</summary>
    internal const string SignInFrame = "signin-frame.html";

    private const int MaxDays = 365;

    public static IEndpointRouteBuilder MapStaffConsole(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/console", async (HttpContext context, ConsoleAccess access) => await access.AdmitAsync(context) switch
        {
            { Member: not null } => Page("console.html"),
            { SignedInAs: { } name } admission => Page("not-staff.html", StatusCodes.Status403Forbidden, html => html
                .Replace("{account}", HtmlEncoder.Default.Encode(name), StringComparison.Ordinal)
                .Replace("data-groups-left-out hidden", admission.GroupsLeftOut ? "data-groups-left-out" : "data-groups-left-out hidden", StringComparison.Ordinal)),
            _ when access.UsesEntra => Results.Challenge(new AuthenticationProperties { RedirectUri = "/console" }, [EntraSignIn.Scheme]),
            _ when access.CanSignIn => Page("signin.html", StatusCodes.Status401Unauthorized),
            _ => Refused(StatusCodes.Status403Forbidden, "The console opens only on this machine; set Console:AccessKeySha256 or Console:Entra to sign in from elsewhere."),
        });

        app.MapPost("/console/signin", async (HttpContext context, ConsoleAccess access) =>
        {
            if (!SameOrigin(context))
            {
                return Refused(StatusCodes.Status403Forbidden, "Sign in from the console's own page.");
            }

            if (access.UsesEntra)
            {
                return Refused(StatusCodes.Status403Forbidden, "Staff sign in with their organization's account at /console.");
            }

            if (!ConsoleAccess.MaySendKey(context))
            {
                return Refused(StatusCodes.Status403Forbidden, "Sign in over HTTPS: the access key must not cross the network in the clear.");
            }

            if (!context.Request.HasFormContentType)
            {
                return Refused(StatusCodes.Status415UnsupportedMediaType, "Send the sign-in form.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (access.SignIn(context, form["name"], form["key"]) is not { } token)
            {
                return Page("signin.html", StatusCodes.Status401Unauthorized, html => html.Replace("data-failed hidden", "data-failed", StringComparison.Ordinal));
            }

            context.Response.Cookies.Append(ConsoleAccess.Cookie, token, access.CookieOptions(context));
            return Results.Redirect("/console", permanent: false, preserveMethod: false);
        }).DisableAntiforgery();

        app.MapPost("/console/signout", async (HttpContext context, ConsoleAccess access) =>
        {
            if (!SameOrigin(context))
            {
                return Refused(StatusCodes.Status403Forbidden, "Sign out from the console's own page.");
            }

            if (access.UsesEntra)
            {
                // The console forgets the staff member and says so (a redirect on to Entra would break the form's
                // form-action 'self'); the next sign-in asks Entra which account to use.
                await context.SignOutAsync(EntraSignIn.CookieScheme);
                return Page("signed-out.html");
            }

            access.SignOut(context);
            context.Response.Cookies.Delete(ConsoleAccess.Cookie, access.CookieOptions(context));
            return Results.Redirect("/console");
        }).DisableAntiforgery();

        var api = app.MapGroup("/console/api").AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            var access = context.RequestServices.GetRequiredService<ConsoleAccess>();
            var admission = await access.AdmitAsync(context);
            if (admission.Member is not { } who)
            {
                return admission.SignedInAs is not null ? Refused(StatusCodes.Status403Forbidden, admission.GroupsLeftOut
                        ? "Entra ID sent no group list for this account (it is in too many groups): have the app registration send only groups assigned to the application."
                        : "This account is not in the console's staff group.")
                    : access.CanSignIn ? Refused(StatusCodes.Status401Unauthorized, "Sign in at /console first.")
                    : Refused(StatusCodes.Status403Forbidden, "The console opens only on this machine.");
            }

            if (!HttpMethods.IsGet(context.Request.Method) && !SameOrigin(context))
            {
                return Refused(StatusCodes.Status403Forbidden, "Changes come from the console's own page.");
            }

            if (context.Request.Query["site"] is { Count: > 0 } site && site != "all" && !who.Sites.Contains(site.ToString()))
            {
                return Refused(StatusCodes.Status403Forbidden, "That site is not yours to see.");
            }

            context.Items[typeof(StaffMember)] = who;
            context.Response.Headers.CacheControl = "no-store";
            return await next(invocation);
        });

        api.MapGet("/me", (HttpContext context, Sites sites, BotContent content) =>
        {
            var who = Who(context);
            return Results.Json(new
            {
                name = who.Name,
                sites = who.Sites.Select(s => new { id = s, name = sites.OrganizationOf(s).Name }),
                topics = content.Understanding.Topics.Select(t => t.Id).Append(UnderstandingContent.OutOfScopeTopic).Order(StringComparer.Ordinal),
            });
        });

        api.MapGet("/redflags", (HttpContext context, ConsoleQueries queries, int? days) =>
            Results.Json(queries.RedFlags(SitesAsked(context), Days(days, 14))));

        api.MapPost("/redflags/{id:long}/followed-up", async (long id, HttpContext context, EventLog log, TimeProvider time) =>
        {
            var who = Who(context);
            var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
            var by = who.Name.Length > 0 ? who.Name : (string?)form?["by"] is { Length: > 0 } typed ? typed.Trim()[..Math.Min(typed.Trim().Length, 60)] : "this machine";
            return log.MarkFollowedUp(id, by, time.GetUtcNow(), who.Sites) ? Results.NoContent() : Refused(StatusCodes.Status404NotFound, "No such red flag on your sites.");
        }).DisableAntiforgery();

        api.MapGet("/missed", (HttpContext context, ConsoleQueries queries, int? days) =>
            Results.Json(queries.Groups(queries.Missed(SitesAsked(context), Days(days, 30)))));

        api.MapPost("/labels", async (HttpContext context, ConsoleQueries queries, EventLog log, LearnedPhrasingsStore learned, TimeProvider time, Sites sites) =>
        {
            var who = Who(context);
            LabelRequest? request;
            try
            {
                request = await context.Request.ReadFromJsonAsync<LabelRequest>(context.RequestAborted);
            }
            catch (System.Text.Json.JsonException)
            {
                request = null;
            }

            if (request is not { Topic.Length: > 0, Texts.Length: > 0 and <= 200 })
            {
                return Refused(StatusCodes.Status400BadRequest, "Send {\"topic\": \"...\", \"texts\": [...], \"apply\": true|false}.");
            }

            // Only words the bot really missed on the staff member's own sites can be labelled.
            var missed = queries.Missed(who.Sites, MaxDays).ToLookup(m => m.Text, StringComparer.Ordinal);
            var known = request.Texts.Where(t => missed.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
            if (known.Count == 0)
            {
                return Refused(StatusCodes.Status400BadRequest, "None of these messages is among the missed ones of your sites.");
            }

            var now = time.GetUtcNow();
            var by = who.Name.Length > 0 ? who.Name : "this machine";
            if (request.Apply)
            {
                var problems = learned.Add(known.Select(t => new LearnedPhrasing { Text = t, Topic = request.Topic, LabelledBy = by, At = now }));
                if (problems.Count > 0)
                {
                    return Results.Json(new { error = "NotValidContent", problems }, statusCode: StatusCodes.Status400BadRequest);
                }
            }
            else if (!queries.IsTopic(request.Topic))
            {
                return Refused(StatusCodes.Status400BadRequest, "That is not a topic in understanding.json.");
            }

            foreach (var text in known)
            {
                log.AddLabel(missed[text].First().Site, text, request.Topic, by, now);
            }

            return Results.Json(new { labelled = known.Count, applied = request.Apply });
        }).DisableAntiforgery();

        api.MapGet("/labels.json", (HttpContext context, EventLog log) =>
        {
            var inSites = SitesAsked(context);
            var rows = log.Rows($"SELECT text, topic FROM labels WHERE site IN ({EventLog.In(inSites)}) ORDER BY at, id", EventLog.Params(inSites));
            context.Response.Headers.ContentDisposition = "attachment; filename=\"labelled-phrasings.json\"";
            return Results.Json(new { items = rows.Select(r => new { text = (string)r[0]!, topic = (string)r[1]! }) });
        });

        api.MapGet("/charts", (HttpContext context, ConsoleQueries queries, int? days) => Results.Json(queries.Charts(SitesAsked(context), Days(days, 30))));

        api.MapGet("/charts/{name}.csv", (string name, HttpContext context, ConsoleQueries queries, int? days) =>
            queries.Charts(SitesAsked(context), Days(days, 30)).FirstOrDefault(c => c.Name == name) is { } chart
                ? Results.Text(ConsoleQueries.Csv(chart), "text/csv; charset=utf-8")
                : Refused(StatusCodes.Status404NotFound, "No such chart."));
        return app;
    }

    private static StaffMember Who(HttpContext context) => (StaffMember)context.Items[typeof(StaffMember)]!;

    /// <summary>The sites asked for (<c>?site=</c>), within those the staff member may see.</summary>
    private static IReadOnlyCollection<string> SitesAsked(HttpContext context)
    {
        var who = Who(context);
        var site = context.Request.Query["site"].ToString();
        return site.Length > 0 && site != "all" ? [site] : who.Sites;
    }

    private static int Days(int? days, int otherwise) => Math.Clamp(days ?? otherwise, 1, MaxDays);

    private static IResult Refused(int status, string reason) => HttpProblems.Refuse(status, reason);

    /// <summary>A post from the console's own page (Origin, else Referer, names this host).</summary>
    private static bool SameOrigin(HttpContext context)
    {
        var request = context.Request;
        var from = request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : request.Headers.Referer.ToString();
        return Uri.TryCreate(from, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// One of the console's pages (their words and markup are files in <c>Pages/</c>), <paramref name="fill"/> changing
    /// it on the way. A sign-in page is only its title line and what it says under the console's heading: it is served
    /// inside <see cref="SignInFrame"/>, which holds the document's head and heading they all share.
    /// </summary>
    internal static IResult Page(string name, int status = StatusCodes.Status200OK, Func<string, string>? fill = null)
    {
        var html = PageFile(name);
        if (!html.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase))
        {
            var titleEnd = html.IndexOf('\n', StringComparison.Ordinal) + 1;
            html = PageFile(SignInFrame)
                .Replace("{title}", html[..titleEnd].TrimEnd(), StringComparison.Ordinal)
                .Replace("{main}\n", html[titleEnd..], StringComparison.Ordinal);
        }

        return Results.Content(fill is null ? html : fill(html), "text/html; charset=utf-8", statusCode: status);
    }

    private static string PageFile(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("LeashBot.Console." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>What the label form posts.</summary>
    public sealed record LabelRequest(string Topic, string[] Texts, bool Apply);
}
