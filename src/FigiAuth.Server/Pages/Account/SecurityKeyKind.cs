namespace FigiAuth.Server.Pages.Account;

public enum SecurityKeyKind
{
    Passkey = 1,
    Uaf = 2,
}
