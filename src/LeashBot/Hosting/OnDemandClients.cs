using System.Security.Claims;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace LeashBot.Hosting;

/// <summary>
/// Bot Framework's authentication with the per-turn clients built only when a turn uses them. CloudAdapter builds a
/// connector client and a user-token client for every activity before the bot runs; each constructor sets up a REST
/// client (user agent, handlers, serializer settings), which cost about a fifth of a turn's CPU in the load test.
/// Replies to <c>deliveryMode: expectReplies</c> (the built-in Direct Line, the Emulator, the load test) are returned
/// in the HTTP response and need neither client; a channel that is replied to over its connector (Teams, Azure Bot
/// Service) gets the same client as before, built on the first call. Everything else is the wrapped authentication's.
/// </summary>
public sealed class OnDemandClientsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = OnDemandConnectorFactory.Wrap(result.ConnectorFactory);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = OnDemandConnectorFactory.Wrap(result.ConnectorFactory);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        OnDemandConnectorFactory.Wrap(inner.CreateConnectorFactory(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new OnDemandUserTokenClient(ct => inner.CreateUserTokenClientAsync(claimsIdentity, ct)));

    public override Microsoft.Bot.Builder.Skills.BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);
}

/// <summary>Hands out connector clients that are built on first use (see <see cref="OnDemandClientsAuthentication"/>).</summary>
public sealed class OnDemandConnectorFactory : ConnectorFactory
{
    private readonly ConnectorFactory _inner;

    private OnDemandConnectorFactory(ConnectorFactory inner)
    {
        _inner = inner;
    }

    /// <summary>Wraps a factory once (a factory that already builds on demand is returned as it is).</summary>
    public static ConnectorFactory Wrap(ConnectorFactory factory) =>
        factory is null or OnDemandConnectorFactory ? factory! : new OnDemandConnectorFactory(factory);

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken) =>
        Task.FromResult<IConnectorClient>(new OnDemandConnectorClient(() => _inner.CreateAsync(serviceUrl, audience, CancellationToken.None)));
}

/// <summary>
/// A connector client that builds the real one the first time any of its members is used, and disposes it with
/// itself. Building it is synchronous then: Bot Framework's credential factories only construct credentials (tokens
/// are fetched when a request is sent), so nothing waits on the network here.
/// </summary>
public sealed class OnDemandConnectorClient(Func<Task<IConnectorClient>> create) : IConnectorClient
{
    private readonly Lazy<IConnectorClient> _client = new(() => create().GetAwaiter().GetResult(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets a value indicating whether the real client was built (for tests and diagnostics).</summary>
    public bool WasBuilt => _client.IsValueCreated;

    public Uri BaseUri
    {
        get => _client.Value.BaseUri;
        set => _client.Value.BaseUri = value;
    }

    public JsonSerializerSettings SerializationSettings => _client.Value.SerializationSettings;

    public JsonSerializerSettings DeserializationSettings => _client.Value.DeserializationSettings;

    public ServiceClientCredentials Credentials => _client.Value.Credentials;

    public IAttachments Attachments => _client.Value.Attachments;

    public IConversations Conversations => _client.Value.Conversations;

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}

/// <summary>A user-token client (sign-in, OAuth) that builds the real one on its first call.</summary>
public sealed class OnDemandUserTokenClient(Func<CancellationToken, Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserTokenClient? _client;

    /// <summary>Gets a value indicating whether the real client was built (for tests and diagnostics).</summary>
    public bool WasBuilt => _client is not null;

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await ClientAsync(cancellationToken)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client?.Dispose();
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<UserTokenClient> ClientAsync(CancellationToken cancellationToken)
    {
        if (_client is { } built)
        {
            return built;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _client ??= await create(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
