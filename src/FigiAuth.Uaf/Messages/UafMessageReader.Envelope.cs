using System.Buffers;
using System.Text.Json;
using FigiAuth.Uaf.Verification;

namespace FigiAuth.Uaf.Messages;

/// <summary>
/// The envelope of a stringified UAF message (REG/AUTH-01), read with <see cref="Utf8JsonReader"/>
/// over the message's UTF-8 bytes instead of a <see cref="JsonDocument"/>: one pass checks the whole
/// text is JSON (depth 16, no duplicate member in any object, anywhere), a second one finds the
/// dictionary to use, and only that dictionary's bytes are then deserialized.
/// </summary>
public static partial class UafMessageReader
{
    private const int MaxDepth = 16;

    // Throws on an unpaired surrogate instead of substituting U+FFFD, as JsonDocument.Parse(string) does.
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The message as UTF-8 in a pooled buffer (return it with <see cref="ReturnMessage"/>), after the size checks.</summary>
    private static ArraySegment<byte> RentMessage(string? text, MessageSteps steps, UafMessageReaderOptions options)
    {
        if (string.IsNullOrEmpty(text))
            throw new UafFormatException(steps.Envelope, "message is empty");
        if (text.Length > options.MaxMessageLength)
            throw new UafFormatException(steps.Envelope, $"message is longer than {options.MaxMessageLength} characters");
        var buffer = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(text.Length));
        try
        {
            return new(buffer, 0, StrictUtf8.GetBytes(text, buffer));
        }
        catch (Exception e) when (IsParseException(e))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new UafFormatException(steps.Envelope, $"message is not JSON: {e.Message}", e);
        }
    }

    private static void ReturnMessage(ArraySegment<byte> message) => ArrayPool<byte>.Shared.Return(message.Array!);

    /// <summary>
    /// REG-01 / AUTH-01: the message is JSON (the rules <see cref="JsonDocument"/> applied: depth 16,
    /// no comments or trailing commas, no two members of one object with the same unescaped name), a
    /// JSON array, no two dictionaries of one version, exactly one usable dictionary. Returns where the
    /// chosen dictionary lies in <paramref name="utf8"/>.
    /// </summary>
    private static (Range Dictionary, UafVersion Version) SelectDictionary(
        ReadOnlySpan<byte> utf8, MessageSteps steps, UafMessageReaderOptions options)
    {
        CheckJson(utf8, steps);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new UafFormatException(steps.Envelope, "message is not a JSON array");
        Range? v11 = null, v10 = null;
        Span<(ushort, ushort)> seen = stackalloc (ushort, ushort)[8];
        var seenCount = 0;
        List<(ushort, ushort)>? moreSeen = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var version = ReadUpv(ref reader, steps);
            var item = start..(int)reader.BytesConsumed;
            if (seen[..seenCount].Contains(version) || moreSeen?.Contains(version) == true)
                throw new UafFormatException(steps.Envelope, $"two dictionaries with upv {version.Item1}.{version.Item2}");
            if (seenCount < seen.Length)
                seen[seenCount++] = version;
            else
                (moreSeen ??= []).Add(version);
            if (version == (1, 1))
                v11 = item;
            else if (version == (1, 0))
                v10 = item;
        }
        if (v11 is { } current)
            return (current, UafVersion.V1_1);
        if (options.AcceptUpv10 && v10 is { } legacy)
            return (legacy, UafVersion.V1_0);
        throw new UafFormatException(steps.Envelope, "message has no upv 1.1 dictionary");
    }

    /// <summary>
    /// <c>header.upv</c> {major, minor} of the array item the reader is on (REG-02 / AUTH-02 when it has
    /// none); leaves the reader on the item's last token. The text is already known to be valid JSON
    /// without duplicate members, so the first member of a name is the only one.
    /// </summary>
    private static (ushort, ushort) ReadUpv(ref Utf8JsonReader reader, MessageSteps steps)
    {
        var itemDepth = reader.CurrentDepth;
        ushort? major = null, minor = null;
        if (reader.TokenType == JsonTokenType.StartObject && EnterMember(ref reader, "header"u8) && EnterMember(ref reader, "upv"u8))
        {
            var depth = reader.CurrentDepth;
            while (reader.Read() && reader.CurrentDepth > depth)
            {
                var isMajor = reader.ValueTextEquals("major"u8);
                var isMinor = !isMajor && reader.ValueTextEquals("minor"u8);
                reader.Read();
                if ((isMajor || isMinor) && reader.TokenType == JsonTokenType.Number && reader.TryGetUInt16(out var value))
                {
                    if (isMajor)
                        major = value;
                    else
                        minor = value;
                }
                reader.Skip();
            }
        }
        FinishItem(ref reader, itemDepth);
        return major is { } ma && minor is { } mi
            ? (ma, mi)
            : throw new UafFormatException(steps.Types, "dictionary has no header.upv {major, minor}");
    }

    /// <summary>
    /// From an object's StartObject, moves to the value of member <paramref name="name"/> when that is
    /// an object and returns true; otherwise moves to the object's EndObject and returns false.
    /// </summary>
    private static bool EnterMember(ref Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match && reader.TokenType == JsonTokenType.StartObject)
                return true;
            reader.Skip();
        }
        return false;
    }

    // Moves the reader, wherever it is inside the array item that starts at itemDepth, to the item's last token.
    private static void FinishItem(ref Utf8JsonReader reader, int itemDepth)
    {
        if (reader.CurrentDepth == itemDepth)
        {
            reader.Skip(); // a StartObject or StartArray not entered, else already the last token
            return;
        }
        while (reader.Read() && reader.CurrentDepth > itemDepth)
        {
        }
    }

    /// <summary>The whole text is one JSON value of depth at most 16 with no duplicate member names. REG-01 / AUTH-01.</summary>
    private static void CheckJson(ReadOnlySpan<byte> utf8, MessageSteps steps)
    {
        var names = new MemberNames();
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Open(reader.CurrentDepth);
                        break;
                    case JsonTokenType.EndObject:
                        names.Close(reader.CurrentDepth);
                        break;
                    case JsonTokenType.PropertyName when !names.Add(ref reader):
                        throw new JsonException($"duplicate member {reader.GetString()}");
                }
            }
        }
        catch (Exception e) when (IsParseException(e))
        {
            throw new UafFormatException(steps.Envelope, $"message is not JSON: {e.Message}", e);
        }
        finally
        {
            names.Dispose();
        }
    }

    /// <summary>
    /// The unescaped member names of every object still open, to refuse a duplicate. Small objects
    /// compare linearly; an object with more than <see cref="LinearLimit"/> members switches to a set,
    /// so a message of thousands of members costs linear time, not quadratic.
    /// </summary>
    private struct MemberNames : IDisposable
    {
        private const int LinearLimit = 16;
        private byte[]? _bytes;
        private int _used;
        private (int Start, int Length)[]? _names;
        private int _count;
        // Per open object (index = depth): where its names begin in _names, and its set once large.
        private int[]? _firstName;
        private HashSet<string>?[]? _sets;

        public void Open(int depth)
        {
            _firstName ??= new int[MaxDepth + 1];
            _firstName[depth] = _count;
            if (_sets is not null)
                _sets[depth] = null;
        }

        public void Close(int depth)
        {
            _count = _firstName![depth];
            _used = _count == 0 ? 0 : _names![_count - 1].Start + _names[_count - 1].Length;
            if (_sets is not null)
                _sets[depth] = null;
        }

        /// <summary>False when the object the reader is in already has a member of this name.</summary>
        public bool Add(ref Utf8JsonReader reader)
        {
            var depth = reader.CurrentDepth - 1;
            var first = _firstName![depth];
            var name = Append(ref reader);
            if (_sets?[depth] is { } set)
                return set.Add(System.Text.Encoding.UTF8.GetString(name));
            for (var i = first; i < _count - 1; i++)
            {
                if (name.SequenceEqual(Name(i)))
                    return false;
            }
            if (_count - first > LinearLimit)
            {
                _sets ??= new HashSet<string>?[MaxDepth + 1];
                set = _sets[depth] = new HashSet<string>(StringComparer.Ordinal);
                for (var i = first; i < _count; i++)
                    set.Add(System.Text.Encoding.UTF8.GetString(Name(i)));
            }
            return true;
        }

        private ReadOnlySpan<byte> Name(int i) => _bytes.AsSpan(_names![i].Start, _names[i].Length);

        private ReadOnlySpan<byte> Append(ref Utf8JsonReader reader)
        {
            var length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (_bytes is null || _bytes.Length - _used < length)
                Grow(ref _bytes, _used + length);
            var written = reader.CopyString(_bytes.AsSpan(_used));
            _names ??= new (int, int)[32];
            if (_count == _names.Length)
                Array.Resize(ref _names, _count * 2);
            _names[_count++] = (_used, written);
            var name = _bytes.AsSpan(_used, written);
            _used += written;
            return name;
        }

        private static void Grow(ref byte[]? bytes, int needed)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Max(needed, 256));
            if (bytes is not null)
            {
                bytes.CopyTo(grown, 0);
                ArrayPool<byte>.Shared.Return(bytes);
            }
            bytes = grown;
        }

        public void Dispose()
        {
            if (_bytes is not null)
                ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = null;
        }
    }
}
