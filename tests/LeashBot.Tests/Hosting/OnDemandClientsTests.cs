using System.Security.Claims;
using LeashBot.Hosting;
using LeashBot.Tests.Support;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LeashBot.Tests.Hosting;

/// <summary>The connector and user-token clients CloudAdapter asks for on every turn are built only when a turn uses them.</summary>
public sealed class OnDemandClientsTests
{
    [Fact]
    public async Task Turns_answered_in_the_response_body_build_no_connector_client()
    {
        CountingAuthentication? counting = null;
        using var host = new BotHost(new() { ["Storage:Provider"] = "Memory" }).WithServices(services =>
            services.Replace(ServiceDescriptor.Singleton<BotFrameworkAuthentication>(sp =>
            {
                counting = new CountingAuthentication(new ConfigurationBotFrameworkAuthentication(sp.GetRequiredService<IConfiguration>()));
                return new OnDemandClientsAuthentication(counting);
            })));
        var owner = host.NewOwner();

        (await owner.SaysAsync("my cat froze, what now?")).Says("Did that help?");
        (await owner.SaysAsync("yes it did")).Says("Glad");

        Assert.NotNull(counting);
        Assert.Equal(2, counting.FactoriesHandedOut);
        Assert.Equal(0, counting.ConnectorClientsBuilt);
        Assert.Equal(0, counting.UserTokenClientsBuilt);
    }

    [Fact]
    public async Task A_connector_client_is_built_on_first_use_once_and_disposed_with_its_wrapper()
    {
        var counting = new CountingAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()));
        var auth = new OnDemandClientsAuthentication(counting);
        var factory = auth.CreateConnectorFactory(new ClaimsIdentity());
        var client = await factory.CreateAsync("http://127.0.0.1:1/", "https://api.botframework.com", CancellationToken.None);
        Assert.Equal(0, counting.ConnectorClientsBuilt);

        Assert.Equal(new Uri("http://127.0.0.1:1/"), client.BaseUri);
        Assert.NotNull(client.Conversations);
        Assert.Equal(1, counting.ConnectorClientsBuilt);

        client.Dispose();
        Assert.Equal(1, counting.ConnectorClientsDisposed);
        Assert.Same(factory, OnDemandConnectorFactory.Wrap(factory));
    }

    [Fact]
    public async Task An_unused_connector_client_is_never_built_even_when_disposed()
    {
        var counting = new CountingAuthentication(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()));
        var auth = new OnDemandClientsAuthentication(counting);
        var client = await auth.CreateConnectorFactory(new ClaimsIdentity()).CreateAsync("http://127.0.0.1:1/", "aud", CancellationToken.None);
        using var tokens = await auth.CreateUserTokenClientAsync(new ClaimsIdentity(), CancellationToken.None);

        client.Dispose();
        Assert.False(((OnDemandConnectorClient)client).WasBuilt);
        Assert.False(((OnDemandUserTokenClient)tokens).WasBuilt);
        Assert.Equal(0, counting.ConnectorClientsBuilt);
        Assert.Equal(0, counting.UserTokenClientsBuilt);
    }

    /// <summary>Bot Framework's own authentication, counting the clients it builds.</summary>
    private sealed class CountingAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
    {
        private int _factories;
        private int _connectors;
        private int _disposed;
        private int _tokens;

        public int FactoriesHandedOut => _factories;
        public int ConnectorClientsBuilt => _connectors;
        public int ConnectorClientsDisposed => _disposed;
        public int UserTokenClientsBuilt => _tokens;

        public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
        {
            var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
            result.ConnectorFactory = new Factory(this, result.ConnectorFactory);
            Interlocked.Increment(ref _factories);
            return result;
        }

        public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken) =>
            inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

        public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
        {
            Interlocked.Increment(ref _factories);
            return new Factory(this, inner.CreateConnectorFactory(claimsIdentity));
        }

        public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _tokens);
            return inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken);
        }

        private sealed class Factory(CountingAuthentication owner, ConnectorFactory inner) : ConnectorFactory
        {
            public override async Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            {
                Interlocked.Increment(ref owner._connectors);
                return new Counted(owner, await inner.CreateAsync(serviceUrl, audience, cancellationToken));
            }
        }

        private sealed class Counted(CountingAuthentication owner, IConnectorClient inner) : IConnectorClient
        {
            public Uri BaseUri { get => inner.BaseUri; set => inner.BaseUri = value; }
            public Newtonsoft.Json.JsonSerializerSettings SerializationSettings => inner.SerializationSettings;
            public Newtonsoft.Json.JsonSerializerSettings DeserializationSettings => inner.DeserializationSettings;
            public Microsoft.Rest.ServiceClientCredentials Credentials => inner.Credentials;
            public IAttachments Attachments => inner.Attachments;
            public IConversations Conversations => inner.Conversations;

            public void Dispose()
            {
                Interlocked.Increment(ref owner._disposed);
                inner.Dispose();
            }
        }
    }
}
