using Microsoft.Data.Sqlite;

namespace Customer360Hub.Embedded.Sqlite;

/// <summary>One open connection with its prepared commands, reused across calls.</summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteTransaction? _transaction;

    public SqliteSession(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>A cached command for the SQL text, bound to the current transaction, with its parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        command.Parameters.Clear();
        return command;
    }

    /// <summary>
    /// A cached command whose parameters are created once, in the order named; set their values by
    /// position. Cheaper than <see cref="Command"/> for statements run for every document.
    /// </summary>
    public SqliteCommand Prepared(string sql, params string[] parameterNames)
    {
        ArgumentNullException.ThrowIfNull(parameterNames);
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            foreach (var name in parameterNames)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            _commands[sql] = command;
        }

        command.Transaction = _transaction;
        return command;
    }

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        command.ExecuteNonQuery();
    }

    public T InTransaction<T>(Func<SqliteSession, T> work)
    {
        _transaction = Connection.BeginTransaction(deferred: false);
        try
        {
            var result = work(this);
            _transaction.Commit();
            return result;
        }
        catch
        {
            _transaction.Rollback();
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        Connection.Dispose();
    }
}
