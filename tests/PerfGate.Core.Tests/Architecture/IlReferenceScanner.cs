using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace PerfGate.Tests.Architecture;

/// <summary>
/// Reads an assembly's IL (System.Reflection.Metadata, no loading) and lists, per method, the methods and fields of
/// other assemblies it uses: every call, newobj, ldftn, field access and ldtoken, lambdas and iterators included
/// (reported under the type they were written in). What the architecture tests hold Core to.
/// </summary>
internal static class IlReferenceScanner
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>One use: the source type (outermost, as written), its method, and the member used ("System.IO.File.ReadAllBytes(System.String)").</summary>
    public sealed record Use(string SourceType, string SourceMethod, string DeclaringType, string Member);

    public static IReadOnlyList<Use> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var uses = new List<Use>();
        foreach (var typeHandle in md.TypeDefinitions)
        {
            var type = md.GetTypeDefinition(typeHandle);
            var source = OutermostName(md, type);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = md.GetMethodDefinition(methodHandle);
                if (method.RelativeVirtualAddress == 0)
                {
                    continue;
                }

                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                foreach (var token in Tokens(body.GetILBytes() ?? []))
                {
                    if (Describe(md, token) is { } used)
                    {
                        uses.Add(new Use(source, md.GetString(method.Name), used.Type, used.Member));
                    }
                }
            }
        }

        return uses;
    }

    /// <summary>The metadata tokens that IL operands name (methods, fields, types), in order.</summary>
    private static IEnumerable<int> Tokens(byte[] il)
    {
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            var code = OpCodesByValue[value];
            switch (code.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok or OperandType.InlineType:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
                    break;
                default: // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
                    i += 4;
                    break;
            }
        }
    }

    private static (string Type, string Member)? Describe(MetadataReader md, int token)
    {
        var handle = MetadataTokens.EntityHandle(token);
        switch (handle.Kind)
        {
            case HandleKind.MethodSpecification:
                return Describe(md, MetadataTokens.GetToken(md.GetMethodSpecification((MethodSpecificationHandle)handle).Method));
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                if (TypeName(md, member.Parent) is not { } parent)
                {
                    return null;
                }

                var name = md.GetString(member.Name);
                if (member.GetKind() == MemberReferenceKind.Method)
                {
                    var signature = member.DecodeMethodSignature(new TypeNames(), null);
                    name += "(" + string.Join(",", signature.ParameterTypes) + ")";
                }

                return (parent, name);
            case HandleKind.TypeReference:
                return TypeName(md, handle) is { } t ? (t, string.Empty) : null;
            default:
                return null;
        }
    }

    /// <summary>The full name of a referenced type (another assembly's); null for this assembly's own types and generic instances.</summary>
    private static string? TypeName(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.TypeReference:
                var reference = md.GetTypeReference((TypeReferenceHandle)handle);
                var name = md.GetString(reference.Name);
                return reference.ResolutionScope.Kind == HandleKind.TypeReference
                    ? TypeName(md, (TypeReferenceHandle)reference.ResolutionScope) + "+" + name
                    : Join(md.GetString(reference.Namespace), name);
            case HandleKind.TypeSpecification:
                var spec = md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(new TypeNames(), null);
                var open = spec.IndexOf('<', StringComparison.Ordinal);
                return open < 0 ? spec : spec[..open];
            default:
                return null;
        }
    }

    private static string OutermostName(MetadataReader md, TypeDefinition type)
    {
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = md.GetTypeDefinition(outer);
        }

        return Join(md.GetString(type.Namespace), md.GetString(type.Name));
    }

    private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

    /// <summary>Type names for signatures: "System.String", "System.Byte[]", "System.Collections.Generic.List`1&lt;System.String&gt;".</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Object => "System.Object",
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.IntPtr => "System.IntPtr",
            PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
            PrimitiveTypeCode.TypedReference => "System.TypedReference",
            PrimitiveTypeCode.Void => "System.Void",
            _ => "System." + typeCode,
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            var t = reader.GetTypeDefinition(handle);
            return Join(reader.GetString(t.Namespace), reader.GetString(t.Name));
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle) ?? "?";

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType;

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method*";

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
