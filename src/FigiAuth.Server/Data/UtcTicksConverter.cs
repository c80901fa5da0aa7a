using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace FigiAuth.Server.Data;

/// <summary>Stores a DateTimeOffset as its UTC ticks (lossless, ordered) and reads it back as UTC.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
