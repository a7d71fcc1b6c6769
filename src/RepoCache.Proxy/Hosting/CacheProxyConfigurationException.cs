namespace RepoCache.Proxy.Hosting;

/// <summary>Options that the proxy cannot start with. The message names the setting and how to fix it.</summary>
public sealed class CacheProxyConfigurationException(string message) : Exception(message);
