using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LeashBot.Tests.Reminders;

/// <summary>
/// A channel's service played by a real HTTP server on a loopback port: a Bot Framework connector (Teams, Azure's SMS)
/// or Twilio's REST API, which can't run here. It records every request and answers with the statuses queued in
/// <see cref="Failures"/> first, then as <see cref="Success"/> says.
/// </summary>
public sealed class SimulatedChannel : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SimulatedChannel(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, string Body)> Requests { get; } = new();

    /// <summary>Answers given before any success, in order: a status and a JSON body.</summary>
    public ConcurrentQueue<(int Status, string Json)> Failures { get; } = new();

    /// <summary>The answer when no failure is queued.</summary>
    public (int Status, string Json) Success { get; set; } = (200, "{\"id\":\"sent\"}");

    /// <summary>Answers a request itself (path with query, body) before the queued ones, when it returns one: a service's lookups.</summary>
    public Func<string, string, (int Status, string Json)?>? Lookup { get; set; }

    /// <summary>How long the service takes to answer a request it has taken (a slow or hung channel).</summary>
    public TimeSpan Delay { get; set; }

    public string Url { get; private set; } = "";

    public static async Task<SimulatedChannel> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var channel = new SimulatedChannel(app);
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Path + context.Request.QueryString;
            if (channel.Lookup?.Invoke(path, body) is { } answer)
            {
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer.Json);
                return;
            }

            channel.Requests.Enqueue((path, body));
            if (channel.Delay > TimeSpan.Zero)
            {
                await Task.Delay(channel.Delay);
            }

            var (status, json) = channel.Failures.TryDequeue(out var failure) ? failure : channel.Success;
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        });
        await app.StartAsync();
        channel.Url = app.Urls.First().TrimEnd('/') + "/";
        return channel;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
