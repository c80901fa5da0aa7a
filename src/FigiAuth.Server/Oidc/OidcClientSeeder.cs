using FigiAuth.Server.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace FigiAuth.Server.Oidc;

/// <summary>Creates or updates the scopes and the clients of FigiAuth:Oidc:Clients at start, after the migrations ran.</summary>
internal sealed class OidcClientSeeder(IServiceScopeFactory scopes, IOptions<OidcOptions> oidc, IOptions<FigiAuthOptions> figiAuth)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scopeManager = scope.ServiceProvider.GetRequiredService<IOpenIddictScopeManager>();
        foreach (var (name, display) in new[] { (OidcScopes.Api, "FigiAuth APIs"), (OidcScopes.Confirmations, "DFS transaction confirmations") })
        {
            if (await scopeManager.FindByNameAsync(name, cancellationToken) is not null)
            {
                continue;
            }

            try
            {
                await scopeManager.CreateAsync(new OpenIddictScopeDescriptor
                {
                    Name = name,
                    DisplayName = display,
                    Resources = { figiAuth.Value.Tokens.Audience },
                }, cancellationToken);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // Another process created it first (unique name): nothing left to do.
            }
        }

        foreach (var client in oidc.Value.Clients)
        {
            await UpsertAsync(client, cancellationToken);
        }
    }

    // Several server processes (or test hosts) may start at once on one database: a lost race on the
    // client row is retried on a fresh scope, so the last writer wins with the same configuration.
    private async Task UpsertAsync(OidcClientOptions client, CancellationToken cancellationToken)
    {
        var descriptor = Describe(client);
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            try
            {
                if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } existing)
                {
                    await applications.UpdateAsync(existing, descriptor, cancellationToken);
                }
                else
                {
                    await applications.CreateAsync(descriptor, cancellationToken);
                }

                return;
            }
            catch (Exception e) when (attempt < 5 && e is OpenIddictExceptions.ConcurrencyException or Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static OpenIddictApplicationDescriptor Describe(OidcClientOptions client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            throw new InvalidOperationException("FigiAuth:Oidc:Clients: every client needs a ClientId");
        }

        var confidential = client.Type == OidcClientType.Confidential;
        if (confidential == string.IsNullOrEmpty(client.ClientSecret))
        {
            throw new InvalidOperationException(
                $"FigiAuth:Oidc:Clients ({client.ClientId}): a confidential client needs a ClientSecret and a public client must not have one");
        }

        var grants = client.GrantTypes.Count > 0 ? client.GrantTypes : [GrantTypes.AuthorizationCode, GrantTypes.RefreshToken];
        if (!confidential && grants.Contains(GrantTypes.ClientCredentials))
        {
            throw new InvalidOperationException($"FigiAuth:Oidc:Clients ({client.ClientId}): a public client cannot use client_credentials");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            DisplayName = client.DisplayName ?? client.ClientId,
            ConsentType = ConsentTypes.Implicit,
        };
        foreach (var uri in client.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in client.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        var p = descriptor.Permissions;
        p.Add(Permissions.Endpoints.Token);
        p.Add(Permissions.Endpoints.Revocation);
        if (confidential)
        {
            p.Add(Permissions.Endpoints.Introspection);
        }

        foreach (var grant in grants)
        {
            p.Add(Permissions.Prefixes.GrantType + grant);
        }

        if (grants.Contains(GrantTypes.AuthorizationCode))
        {
            p.Add(Permissions.Endpoints.Authorization);
            p.Add(Permissions.Endpoints.EndSession);
            p.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        var allowed = client.Scopes.Count > 0 ? client.Scopes : [Scopes.OpenId, Scopes.Profile, Scopes.OfflineAccess, OidcScopes.Api];
        foreach (var s in allowed.Where(s => s != Scopes.OpenId))
        {
            p.Add(Permissions.Prefixes.Scope + s);
        }

        return descriptor;
    }
}
