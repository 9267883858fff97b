using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace LeashBot.Channels.Sms;

/// <summary>
/// Stands in for a phone number everywhere LeashBot keeps or logs one: a keyed hash (HMAC-SHA256), so the owner's
/// profile and conversation stay theirs from text to text, while storage and logs never hold the number itself and
/// nobody without the key can test a guessed number against them.
/// </summary>
public sealed class PhoneNumbers(IOptions<TwilioSmsOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(
        string.IsNullOrEmpty(options.Value.NumberHashKey) ? options.Value.AuthToken ?? "" : options.Value.NumberHashKey);

    /// <summary>A stable, URL-safe stand-in for the number ("sms-" and 22 characters).</summary>
    public string Pseudonym(string phoneNumber)
    {
        var digits = new string(phoneNumber.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        var hash = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(digits));
        return "sms-" + Convert.ToBase64String(hash, 0, 16).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
