using System.Text;

namespace Customer360Hub.Api.Profiles;

/// <summary>Canonical snake_case names as the API's camelCase (<c>given_name</c> to <c>givenName</c>).</summary>
public static class ApiNames
{
    public static string Field(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var result = new StringBuilder(canonical.Length);
        var upper = false;
        foreach (var c in canonical)
        {
            if (c == '_')
            {
                upper = result.Length > 0;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return result.ToString();
    }
}
