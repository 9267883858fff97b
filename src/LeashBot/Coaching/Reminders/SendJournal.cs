using System.Text;
using LeashBot.Storage;

namespace LeashBot.Coaching.Reminders;

/// <summary>
/// What became of a send a crash interrupted, where the channel can't be asked (Teams, Azure's SMS route). Each process
/// notes, in a file of its own in a folder every instance shares (<see cref="ReminderOptions.SendJournalFolder"/>), the
/// claim it is about to post ("posting") and each one the channel took ("posted"); every line is handed to the operating
/// system before the next step, so a process killed mid-send (kill -9) leaves them behind. An instance taking up an
/// interrupted send reads them:
/// <list type="bullet">
/// <item>no "posting" line: the post never left (a claim the store applied after its sender had died, or one whose answer
/// the sender never got): it is sent, so it is not lost;</item>
/// <item>"posted": the channel had it: it is marked sent, not sent twice;</item>
/// <item>"posting" alone: the post was in flight at the crash, which nobody can tell: <see cref="ReminderOptions.WhenUnconfirmed"/> decides.</item>
/// </list>
/// Off (nothing written, nothing known) when no folder is set. Every instance must share the folder: a claim by an
/// instance that keeps no journal reads as never posted.
/// </summary>
public sealed class SendJournal(IOptions<ReminderOptions> options, TimeProvider clock) : IDisposable
{
    private const string Extension = ".sends";

    /// <summary>Journals older than this are removed when a process opens its own (an interrupted send is taken up within minutes).</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    private readonly string? _folder = string.IsNullOrWhiteSpace(options.Value.SendJournalFolder) ? null : options.Value.SendJournalFolder;
    private readonly Lock _gate = new();
    private FileStream? _file;

    /// <summary>Noted just before a post: from here on the post may have left. A note that can't be written stops the send.</summary>
    public void Posting(string? claimId)
    {
        try
        {
            Append("posting", claimId);
        }
        catch (IOException ex)
        {
            // Not posted: the claim runs out and the reminder is taken up again (the journal has no "posting" for it).
            throw new StorageUnavailableException("send journal", ex);
        }
    }

    /// <summary>Noted once the channel took it. Best effort: without it, a crash before the mark leaves the send in doubt.</summary>
    public void Posted(string? claimId)
    {
        try
        {
            Append("posted", claimId);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>True: the channel took it; false: it was never posted; null: can't tell (in flight at the crash, no journal, or unreadable).</summary>
    public bool? WhatBecameOf(string? claimId)
    {
        if (_folder is null || string.IsNullOrEmpty(claimId))
        {
            return null;
        }

        try
        {
            var posting = false;
            foreach (var path in Directory.Exists(_folder) ? Directory.EnumerateFiles(_folder, "*" + Extension) : [])
            {
                using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
                var text = reader.ReadToEnd();
                if (text.Contains("posted " + claimId + "\n", StringComparison.Ordinal))
                {
                    return true;
                }

                posting |= text.Contains("posting " + claimId + "\n", StringComparison.Ordinal);
            }

            return posting ? null : false;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private void Append(string what, string? claimId)
    {
        if (_folder is null || string.IsNullOrEmpty(claimId))
        {
            return;
        }

        var line = Encoding.ASCII.GetBytes(what + " " + claimId + "\n");
        lock (_gate)
        {
            _file ??= Open(_folder);
            _file.Write(line);

            // Into the operating system's hands: it outlives the process (not the machine; hence a shared folder).
            _file.Flush();
        }
    }

    private FileStream Open(string folder)
    {
        Directory.CreateDirectory(folder);
        var old = clock.GetUtcNow().UtcDateTime - KeptFor;
        foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < old)
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
            }
        }

        var name = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}{Extension}";
        return new FileStream(Path.Combine(folder, name), FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
