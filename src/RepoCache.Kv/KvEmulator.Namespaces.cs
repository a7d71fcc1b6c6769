using Microsoft.Extensions.Logging;
using RepoCache.Kv.Semantics;
using RepoCache.Kv.Stores;

namespace RepoCache.Kv;

/// <summary>Namespace management of <see cref="KvEmulator"/>.</summary>
public sealed partial class KvEmulator
{
    /// <summary>Creates a namespace with a new random id.</summary>
    /// <exception cref="KvException">400 with code 10014 when the title is taken, 10019 when it is blank or over 512 characters.</exception>
    public KvNamespaceInfo CreateNamespace(string title)
    {
        NamespaceRules.ValidateTitle(title);

        lock (namespacesGate)
        {
            ThrowIfDisposed();
            EnsureTitleFree(title, exceptId: null, "create namespace");

            string id;
            do
            {
                id = Guid.NewGuid().ToString("N");
            }
            while (namespaces.ContainsKey(id));

            return AddNamespace(id, title);
        }
    }

    /// <summary>Lists every namespace, ordered by id.</summary>
    public IReadOnlyList<KvNamespaceInfo> ListNamespaces()
    {
        lock (namespacesGate)
        {
            return [.. namespaces.Values.Select(state => state.Info).OrderBy(info => info.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>Finds a namespace by id, or returns null when none has that id (including a malformed id).</summary>
    public KvNamespaceInfo? FindNamespace(string id)
    {
        lock (namespacesGate)
        {
            return id is not null && namespaces.TryGetValue(id, out var state) ? state.Info : null;
        }
    }

    /// <summary>Returns the binding of a namespace.</summary>
    /// <exception cref="KvException">404 with code 10013 when no namespace has that id.</exception>
    public IKvNamespace GetNamespace(string id)
    {
        lock (namespacesGate)
        {
            ThrowIfDisposed();
            return RequireNamespace(id).Binding;
        }
    }

    /// <summary>Returns the namespace with exactly this id, creating it (titled <paramref name="title"/>, or the id) when missing.</summary>
    /// <exception cref="KvException">400 with code 10011 when the id is not 32 lower-case hexadecimal characters, or 10014 when the title is taken.</exception>
    public KvNamespaceInfo GetOrCreateNamespace(string id, string? title = null)
    {
        NamespaceRules.ValidateId(id);
        var newTitle = title ?? id;
        NamespaceRules.ValidateTitle(newTitle);

        lock (namespacesGate)
        {
            ThrowIfDisposed();
            if (namespaces.TryGetValue(id, out var existing))
            {
                return existing.Info;
            }

            EnsureTitleFree(newTitle, exceptId: null, "create namespace");
            return AddNamespace(id, newTitle);
        }
    }

    /// <summary>Changes the title of a namespace.</summary>
    /// <exception cref="KvException">404/10013 for an unknown id; 400/10014 when another namespace has the title; 400/10019 for a blank or long title.</exception>
    public KvNamespaceInfo RenameNamespace(string id, string title)
    {
        NamespaceRules.ValidateTitle(title);

        lock (namespacesGate)
        {
            ThrowIfDisposed();
            var state = RequireNamespace(id);
            EnsureTitleFree(title, exceptId: id, "rename namespace");

            store.SaveNamespace(new StoredNamespace(id, title, state.CreatedAtUnixMilliseconds));
            state.Info = state.Info with { Title = title };

            LogNamespaceRenamed(logger, id, title);
            return state.Info;
        }
    }

    /// <summary>Deletes a namespace and every key in it.</summary>
    /// <exception cref="KvException">404 with code 10013 when no namespace has that id.</exception>
    public void DeleteNamespace(string id)
    {
        // The write lock waits for binding operations in flight, so none can add a key after the namespace is gone.
        namespaceUse.EnterWriteLock();
        try
        {
            lock (namespacesGate)
            {
                ThrowIfDisposed();
                RequireNamespace(id);

                store.DeleteNamespace(id);
                namespaces.Remove(id);
                realism.ForgetNamespace(id);
            }
        }
        finally
        {
            namespaceUse.ExitWriteLock();
        }
    }

    /// <summary>
    /// Runs a binding operation while namespace <paramref name="id"/> exists, so a concurrent delete of the namespace
    /// or of the emulator waits for it. Throws 404/10013 when the namespace is gone.
    /// </summary>
    internal T UseNamespace<T>(string id, Func<T> operation)
    {
        namespaceUse.EnterReadLock();
        try
        {
            lock (namespacesGate)
            {
                ThrowIfDisposed();
                RequireNamespace(id);
            }

            return operation();
        }
        finally
        {
            namespaceUse.ExitReadLock();
        }
    }

    private void LoadNamespaces()
    {
        foreach (var stored in store.LoadNamespaces())
        {
            namespaces[stored.Id] = CreateState(stored);
        }
    }

    private KvNamespaceInfo AddNamespace(string id, string title)
    {
        var stored = new StoredNamespace(id, title, TimeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        store.SaveNamespace(stored);

        var state = CreateState(stored);
        namespaces[id] = state;

        LogNamespaceCreated(logger, id, title);
        return state.Info;
    }

    private NamespaceState CreateState(StoredNamespace stored) =>
        new(new KvNamespaceInfo(stored.Id, stored.Title), stored.CreatedAtUnixMilliseconds, new KvNamespace(stored.Id, this, store, realism));

    private NamespaceState RequireNamespace(string id)
    {
        if (id is not null && namespaces.TryGetValue(id, out var state))
        {
            return state;
        }

        throw new KvException(
            404,
            KvErrorCodes.NamespaceNotFound,
            $"namespace not found: no namespace has the id '{id}'. List the namespaces to find the right id.");
    }

    private void EnsureTitleFree(string title, string? exceptId, string operation)
    {
        var holder = namespaces.Values.FirstOrDefault(state =>
            string.Equals(state.Info.Title, title, StringComparison.Ordinal) && state.Info.Id != exceptId);

        if (holder is not null)
        {
            throw new KvException(
                400,
                KvErrorCodes.NamespaceTitleExists,
                $"{operation}: 'A namespace with this account ID and title already exists' (title '{title}' belongs to namespace {holder.Info.Id}). Choose another title.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(disposed, this);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created namespace {NamespaceId} titled {Title}")]
    private static partial void LogNamespaceCreated(ILogger logger, string namespaceId, string title);

    [LoggerMessage(Level = LogLevel.Information, Message = "Renamed namespace {NamespaceId} to {Title}")]
    private static partial void LogNamespaceRenamed(ILogger logger, string namespaceId, string title);

    private sealed class NamespaceState(KvNamespaceInfo info, long createdAtUnixMilliseconds, KvNamespace binding)
    {
        public KvNamespaceInfo Info { get; set; } = info;

        public long CreatedAtUnixMilliseconds { get; } = createdAtUnixMilliseconds;

        public KvNamespace Binding { get; } = binding;
    }
}
