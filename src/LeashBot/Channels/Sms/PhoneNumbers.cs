using System.Security.Cryptography;

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

    /// <summary>
    /// The number encrypted (AES-GCM, with a key derived from the same secret), for an owner who asked for reminders by
    /// text: the one place a number is kept, removed when reminders stop or the owner is forgotten.
    /// </summary>
    public string Seal(string phoneNumber)
    {
        var plain = Encoding.UTF8.GetBytes(phoneNumber);
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(SealingKey, tag.Length);
        aes.Encrypt(nonce, plain, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    /// <summary>The number <see cref="Seal"/> sealed; null when the text was not sealed with this host's key.</summary>
    public string? Open(string? sealedNumber)
    {
        try
        {
            var bytes = Convert.FromBase64String(sealedNumber ?? "");
            var nonceSize = AesGcm.NonceByteSizes.MaxSize;
            var tagSize = AesGcm.TagByteSizes.MaxSize;
            if (bytes.Length <= nonceSize + tagSize)
            {
                return null;
            }

            var plain = new byte[bytes.Length - nonceSize - tagSize];
            using var aes = new AesGcm(SealingKey, tagSize);
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private byte[] SealingKey => HMACSHA256.HashData(_key, "leashbot reminder numbers"u8.ToArray());
}
