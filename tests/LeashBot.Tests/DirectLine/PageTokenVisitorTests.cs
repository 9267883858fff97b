using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LeashBot.Tests.Support;

namespace LeashBot.Tests.DirectLine;

/// <summary>
/// The page-token route with the widget's visitor key, over real HTTP on the real host: the user id comes from the key
/// the host made and the site's origin, never from the page, and a conversation is rejoined only by its own visitor.
/// </summary>
public sealed class PageTokenVisitorTests
{
    private const string Shop = "https://shop.example";
    private const string OtherShop = "https://other-shop.example";

    [Fact]
    public async Task A_new_visitor_gets_a_key_and_the_same_key_gives_the_same_user_on_that_site_only()
    {
        using var host = Host();
        var first = await PageTokenAsync(host, Shop, null);
        var visitor = first["visitor"]!.GetValue<string>();
        Assert.Equal(43, visitor.Length);
        Assert.False(first["resumed"]!.GetValue<bool>());

        var again = await PageTokenAsync(host, Shop, new JsonObject { ["visitor"] = visitor });
        Assert.Equal(first["userId"]!.GetValue<string>(), again["userId"]!.GetValue<string>());
        Assert.Equal(visitor, again["visitor"]!.GetValue<string>());

        // The same key on another site is another visitor there; a new visitor is someone else again.
        var elsewhere = await PageTokenAsync(host, OtherShop, new JsonObject { ["visitor"] = visitor });
        Assert.NotEqual(first["userId"]!.GetValue<string>(), elsewhere["userId"]!.GetValue<string>());
        var stranger = await PageTokenAsync(host, Shop, null);
        Assert.NotEqual(first["userId"]!.GetValue<string>(), stranger["userId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_page_cannot_name_its_user_id_and_a_damaged_key_starts_a_new_visitor()
    {
        using var host = Host();
        var victim = await PageTokenAsync(host, Shop, null);
        var victimId = victim["userId"]!.GetValue<string>();

        // Presenting the victim's user id as a key, or asking for it the Direct Line way, gives a fresh visitor.
        foreach (var body in new[]
                 {
                     new JsonObject { ["visitor"] = victimId },
                     new JsonObject { ["user"] = new JsonObject { ["id"] = victimId } },
                     new JsonObject { ["visitor"] = "short" },
                 })
        {
            var answer = await PageTokenAsync(host, Shop, body);
            Assert.NotEqual(victimId, answer["userId"]!.GetValue<string>());
            Assert.NotEqual(victim["visitor"]!.GetValue<string>(), answer["visitor"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_visitor_rejoins_their_own_live_conversation_but_never_someone_elses()
    {
        using var host = Host();
        var owner = await PageTokenAsync(host, Shop, null);
        var conversationId = await StartConversationAsync(host, owner);

        var rejoin = await PageTokenAsync(host, Shop, new JsonObject { ["visitor"] = owner["visitor"]!.GetValue<string>(), ["conversationId"] = conversationId });
        Assert.True(rejoin["resumed"]!.GetValue<bool>());
        Assert.Equal(conversationId, rejoin["conversationId"]!.GetValue<string>());

        var intruder = await PageTokenAsync(host, Shop, null);
        var hijack = await PageTokenAsync(host, Shop, new JsonObject { ["visitor"] = intruder["visitor"]!.GetValue<string>(), ["conversationId"] = conversationId });
        Assert.False(hijack["resumed"]!.GetValue<bool>());
        Assert.NotEqual(conversationId, hijack["conversationId"]!.GetValue<string>());

        // A conversation the host no longer has (ended, idle, or before a restart) gives a new one for the same visitor.
        var gone = await PageTokenAsync(host, Shop, new JsonObject { ["visitor"] = owner["visitor"]!.GetValue<string>(), ["conversationId"] = "no-such-conversation" });
        Assert.False(gone["resumed"]!.GetValue<bool>());
        Assert.Equal(owner["userId"]!.GetValue<string>(), gone["userId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"visitor\": 42}")]
    [InlineData("[1,2]")]
    [InlineData("{visitor: 'x'}")]
    public async Task A_body_of_the_wrong_shape_is_refused_with_400_and_a_reason(string body)
    {
        using var host = Host();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Origin", Shop);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", (await DirectLineClient.ReadJsonAsync(response))!["error"]!["code"]!.GetValue<string>());
    }

    private static BotHost Host() => new(new() { ["WebChat:AllowedOrigins:0"] = Shop, ["WebChat:AllowedOrigins:1"] = OtherShop });

    private static async Task<JsonObject> PageTokenAsync(BotHost host, string origin, JsonObject? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/directline/token");
        request.Headers.Add("Origin", origin);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await DirectLineClient.ReadJsonAsync(response))!;
    }

    private static async Task<string> StartConversationAsync(BotHost host, JsonObject grant)
    {
        using var request = DirectLineClient.Request(HttpMethod.Post, "/v3/directline/conversations", grant["token"]!.GetValue<string>());
        request.Headers.Add("Origin", Shop);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await DirectLineClient.ReadJsonAsync(response))!["conversationId"]!.GetValue<string>();
    }
}
