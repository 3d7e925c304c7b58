namespace GenDb.Protocol;

/// <summary>
/// The int32 that follows the length of a startup-phase packet (PostgreSQL docs, "Message Formats").
/// </summary>
public static class StartupCodes
{
    public const int CancelRequest = 80877102;
    public const int SslRequest = 80877103;
    public const int GssEncRequest = 80877104;

    /// <summary>Protocol 3.0: major version 3 in the high 16 bits, minor 0 in the low.</summary>
    public const int Protocol30 = 3 << 16;

    /// <summary>Protocol 3.2 (PostgreSQL 18): longer cancel keys.</summary>
    public const int Protocol32 = (3 << 16) | 2;

    /// <summary>PostgreSQL refuses startup packets longer than this (MAX_STARTUP_PACKET_LENGTH).</summary>
    public const int MaxStartupPacketLength = 10_000;

    /// <summary>The shortest possible packet: the length and the code.</summary>
    public const int MinStartupPacketLength = 8;

    /// <summary>The first byte of a TLS record carrying a ClientHello (direct TLS negotiation, PostgreSQL 17).</summary>
    public const byte TlsHandshakeRecord = 0x16;

    public static int MajorVersion(int code) => code >>> 16;

    public static int MinorVersion(int code) => code & 0xFFFF;
}
