using System.Reflection;
using System.Runtime.InteropServices;
using LocalOpenAi.Engine;
using LocalOpenAi.Engine.Native;

namespace LocalOpenAi.Tests.Engine.Native;

/// <summary>Every function <see cref="LlamaNative"/> binds is exported, under that name, by the library build we ship.</summary>
public sealed class EntryPointTests
{
    [Fact]
    public void Every_bound_entry_point_is_exported_by_its_library()
    {
        var directory = LlamaBackend.Start().Directory;
        var imports = typeof(LlamaNative).GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(method => method.GetCustomAttribute<LibraryImportAttribute>())
            .OfType<LibraryImportAttribute>()
            .ToList();

        var missing = imports
            .Where(import => !NativeLibrary.TryGetExport(NativeLibrary.Load(NativeLibraryResolver.FindFile(directory, import.LibraryName)!), import.EntryPoint!, out _))
            .Select(import => $"{import.LibraryName}:{import.EntryPoint}");

        Assert.Empty(missing);
        Assert.Contains(imports, import => import.EntryPoint == "llama_adapter_lora_init");
        Assert.Contains(imports, import => import.EntryPoint == "llama_adapter_lora_free");
        Assert.Contains(imports, import => import.EntryPoint == "llama_set_adapters_lora");
    }
}
