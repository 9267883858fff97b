using LeashBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddLeashBot();

var app = builder.Build();
app.MapLeashBot();
app.RunLeashBot();

/// <summary>The web host; public so the tests' WebApplicationFactory can start it.</summary>
public partial class Program;
