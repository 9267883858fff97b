using LeashBot.Storage;

namespace LeashBot.Channels.Sms;

/// <summary>Registers and maps the Twilio SMS webhook (Azure's SMS channel needs nothing here: it uses /api/messages).</summary>
public static class SmsServiceExtensions
{
    public static WebApplicationBuilder AddTwilioSms(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<TwilioSmsOptions>(builder.Configuration, TwilioSmsOptions.Section);
        builder.Services.AddSingleton<PhoneNumbers>();
        builder.Services.AddSingleton<SmsRateLimit>();
        builder.Services.AddSingleton<TwilioSmsEndpoint>();
        builder.Services.AddSingleton<TwilioReplayGuard>();
        builder.Services.AddTransient<TwilioApiAddress>();
        builder.Services.AddHttpClient(TwilioReminderRoute.HttpClientName).AddHttpMessageHandler<TwilioApiAddress>();
        builder.Services.AddSingleton<LeashBot.Coaching.Reminders.IReminderRoute, TwilioReminderRoute>();
        return builder;
    }

    public static WebApplication MapTwilioSms(this WebApplication app)
    {
        app.MapPost(TwilioSmsEndpoint.Path, (HttpContext context, TwilioSmsEndpoint endpoint) => endpoint.HandleAsync(context)).DisableAntiforgery();
        return app;
    }
}
