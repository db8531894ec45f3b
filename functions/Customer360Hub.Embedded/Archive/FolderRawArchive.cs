using System.Runtime.CompilerServices;
using Customer360Hub.Archive;

namespace Customer360Hub.Embedded.Archive;

/// <summary>
/// Raw pages as files under <c>archive/source/entityType/yyyy/MM/dd/</c>. Each page is written to a
/// temporary file, flushed to disk and then renamed, so a crash leaves either the whole page or none.
/// </summary>
public sealed class FolderRawArchive(string root, TimeProvider time) : IRawArchive
{
    private readonly string _root = Path.GetFullPath(root);

    public async Task<string> StoreAsync(string source, string entityType, ReadOnlyMemory<byte> page, CancellationToken cancellationToken = default)
    {
        var reference = ArchiveReferences.For(source, entityType, time.GetUtcNow(), page.Span);
        var path = PathOf(reference);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            return reference; // The same page in the same millisecond: already archived.
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await file.WriteAsync(page, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException ex)
        {
            // A full disk (or any write failure) leaves no half-written page behind.
            File.Delete(temporary);
            throw new DataFolderUnavailableException($"Archiving a raw page under '{_root}' failed: {ex.Message}", ex);
        }

        return reference;
    }

    public async Task<ReadOnlyMemory<byte>?> ReadAsync(string reference, CancellationToken cancellationToken = default)
    {
        var path = PathOf(reference);
        // Typed explicitly: a null byte[] would otherwise become an empty page, not "unknown".
        return File.Exists(path) ? (ReadOnlyMemory<byte>?)await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false) : null;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(_root))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(_root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var reference = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            if (reference.StartsWith(prefix, StringComparison.Ordinal))
            {
                yield return reference;
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async Task RedactAsync(string reference, ReadOnlyMemory<byte> redactedPage, CancellationToken cancellationToken = default)
    {
        var path = PathOf(reference);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No archived page '{reference}'.");
        }

        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, redactedPage.ToArray(), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    private string PathOf(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var path = Path.GetFullPath(Path.Combine(_root, reference));
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"'{reference}' is not inside the raw archive.", nameof(reference));
    }
}
