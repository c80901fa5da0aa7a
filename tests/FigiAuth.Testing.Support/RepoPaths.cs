namespace FigiAuth.Testing.Support;

/// <summary>Where the built DLLs of the solution are, seen from a test's bin folder.</summary>
public static class RepoPaths
{
    /// <summary>The repository root: the first folder up from the test's bin folder holding FigiAuth.sln.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "FigiAuth.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new DirectoryNotFoundException($"no FigiAuth.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>
    /// A DLL of the solution: beside the tests when the test project references its project (and it was copied with
    /// its runtimeconfig), else in <c>{project folder}/bin/{configuration}/{tfm}</c> of the same build.
    /// </summary>
    public static string Dll(string projectFolder, string dllName)
    {
        var beside = Path.Combine(AppContext.BaseDirectory, dllName);
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        return ProjectDll(projectFolder, dllName);
    }

    /// <summary>
    /// A DLL in <c>{project folder}/bin/{configuration}/{tfm}</c> of the same build, even when a copy is beside the
    /// tests: for apps whose content root is their DLL's folder (appsettings, static web assets), which a copy would
    /// read from the tests' folder.
    /// </summary>
    public static string ProjectDll(string projectFolder, string dllName)
    {
        // tests/<Project>/bin/<Configuration>/<tfm>
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var built = Path.Combine(Root, projectFolder, "bin", here.Parent!.Name, here.Name, dllName);
        return File.Exists(built) ? built : throw new FileNotFoundException("Build the solution first", built);
    }

    public static string ServerDll => Dll(Path.Combine("src", "FigiAuth.Server"), "FigiAuth.Server.dll");

    public static string PhoneDll => Dll(Path.Combine("samples", "FigiAuth.Samples.Phone"), "figiauth-phone.dll");

    public static string WalletDll => ProjectDll(Path.Combine("samples", "FigiAuth.Samples.Wallet"), "FigiAuth.Samples.Wallet.dll");

    public static string MerchantDll => ProjectDll(Path.Combine("samples", "FigiAuth.Samples.Merchant"), "FigiAuth.Samples.Merchant.dll");
}
