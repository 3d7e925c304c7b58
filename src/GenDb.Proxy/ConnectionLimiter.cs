namespace GenDb.Proxy;

/// <summary>Counts relayed sessions against <see cref="ProxyOptions.MaxConnections"/>.</summary>
internal sealed class ConnectionLimiter(int limit)
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _count);
            if (current >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _count, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref _count);
}
