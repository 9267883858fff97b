using LeashBot.EchoBaseline;
using LeashBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

// A bare Bot Framework bot for the load test's baseline: CloudAdapter, ActivityHandler, ConversationState that
// counts messages, on the store named by Storage:Provider (LeashBot's own Memory/Sqlite/Blob implementations).
// Its logging settings are the same stock ones as LeashBot's appsettings.json.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
builder.Services.AddSingleton<IBotFrameworkHttpAdapter, EchoAdapter>();
builder.Services.AddLeashBotStorage(builder.Configuration);
builder.Services.AddSingleton<ConversationState>();
builder.Services.AddSingleton<IBot, EchoBot>();

var app = builder.Build();
app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, CancellationToken ct) =>
    adapter.ProcessAsync(request, response, bot, ct));
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
