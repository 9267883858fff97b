using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;

namespace LeashBot.Tests.Architecture;

/// <summary>One type using another: <see cref="Owner"/> is the type as written in the source (for a lambda's closure or an
/// async method's state machine, the type whose code it is); <see cref="Where"/> says how.</summary>
public sealed record TypeUse(Type Owner, Type Used, string Where);

/// <summary>
/// Every type a compiled type uses, read with reflection: its base type and interfaces, attributes, fields, properties,
/// events, method and constructor signatures, local variables, and each type, method and field its method bodies
/// name in their IL (so a <c>new</c>, a static call or a <c>typeof</c> deep inside a method counts too, and a
/// fully qualified name counts like a <c>using</c>). Generic arguments, arrays and by-ref types are taken apart.
/// Nested types (closures, async state machines, iterators) are read as part of the type that declares them.
/// </summary>
public static partial class TypeUses
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>What the types of <paramref name="types"/> use; nested types are read with (and as) the type that declares them.</summary>
    public static IEnumerable<TypeUse> Of(IEnumerable<Type> types) => types.Where(t => !t.IsNested).SelectMany(Of);

    /// <summary>What <paramref name="type"/> uses, itself and the types nested in it, as declared and in its method bodies.</summary>
    public static IEnumerable<TypeUse> Of(Type type)
    {
        var owner = type;
        while (owner.DeclaringType is { } outer)
        {
            owner = outer;
        }

        var name = type == owner ? "" : type.Name + ".";
        var uses = new List<TypeUse>();
        void Add(Type? used, string where)
        {
            foreach (var part in Unwrap(used))
            {
                uses.Add(new TypeUse(owner, part, Readable(where)));
            }
        }

        Add(type.BaseType, "its base type");
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract, "an interface it implements");
        }

        AddAttributes(type, $"an attribute of {type.Name}", Add);
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType, FieldName().Match(field.Name) is { Success: true } kept
                ? (kept.Groups[2].Value == "P" ? $"constructor parameter '{kept.Groups[1].Value}'" : $"property {name}{kept.Groups[1].Value}")
                : $"field {name}{field.Name}");
            AddAttributes(field, $"an attribute of field {name}{field.Name}", Add);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType, $"property {name}{property.Name}");
            AddAttributes(property, $"an attribute of property {name}{property.Name}", Add);
        }

        foreach (var @event in type.GetEvents(Declared))
        {
            Add(@event.EventHandlerType, $"event {name}{@event.Name}");
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            var member = method is ConstructorInfo ? (name.Length == 0 ? "the constructor" : $"{name}constructor") : $"{name}{method.Name}";
            if (method is MethodInfo info)
            {
                Add(info.ReturnType, $"what {member} returns");
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType, $"parameter '{parameter.Name}' of {member}");
            }

            AddAttributes(method, $"an attribute of {member}", Add);
            AddBody(method, $"the body of {member}", Add);
        }

        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            foreach (var use in Of(nested))
            {
                uses.Add(use with { Owner = owner });
            }
        }

        return uses;
    }

    private static void AddAttributes(MemberInfo member, string where, Action<Type?, string> add)
    {
        foreach (var attribute in member.GetCustomAttributesData())
        {
            add(attribute.AttributeType, where);

            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(a => a.TypedValue)))
            {
                add(argument.Value as Type, where);
            }
        }
    }

    private static void AddBody(MethodBase method, string where, Action<Type?, string> add)
    {
        var body = method.GetMethodBody();
        if (body is null)
        {
            return;
        }

        foreach (var local in body.LocalVariables)
        {
            add(local.LocalType, where);
        }

        var il = body.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField:
                    // A token the method can't resolve would be a broken assembly: let it throw and fail the test.
                    switch (method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments))
                    {
                        case Type used:
                            add(used, where);
                            break;
                        case FieldInfo field:
                            add(field.DeclaringType, where);
                            add(field.FieldType, where);
                            break;
                        case MethodBase called:
                            add(called.DeclaringType, where);
                            if (called is MethodInfo calledMethod)
                            {
                                add(calledMethod.ReturnType, where);
                                foreach (var argument in calledMethod.IsGenericMethod ? calledMethod.GetGenericArguments() : [])
                                {
                                    add(argument, where);
                                }
                            }

                            foreach (var parameter in called.GetParameters())
                            {
                                add(parameter.ParameterType, where);
                            }

                            break;
                    }

                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + (4 * BitConverter.ToInt32(il, i));
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
                default:
                    i += 4;
                    break;
            }
        }
    }

    /// <summary>The named types inside a type: List&lt;Phrasebook&gt;[] gives List`1 and Phrasebook.</summary>
    private static IEnumerable<Type> Unwrap(Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var inner in Unwrap(type.GetElementType()))
            {
                yield return inner;
            }

            yield break;
        }

        if (type.IsConstructedGenericType)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var argument in type.GetGenericArguments().SelectMany(Unwrap))
            {
                yield return argument;
            }

            yield break;
        }

        yield return type;
    }

    /// <summary>
    /// Compiler-made names as the source says them: "&lt;AskAsync&gt;d__5.MoveNext" is AskAsync (an async method's state
    /// machine), "&lt;&gt;c.&lt;Maker&gt;b__0_0" a lambda in Maker.
    /// </summary>
    private static string Readable(string where)
    {
        where = Lambda().Replace(where, "a lambda in $1");
        where = StateMachine().Replace(where, "$1");
        return Closure().Replace(where, "").Replace("-ctor", "the constructor", StringComparison.Ordinal).Replace(".ctor", "the constructor", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<([^<>]*)>b__[\d_]+")]
    private static partial Regex Lambda();

    [GeneratedRegex(@"<([^<>]*)>d(?:__\d+)?\.MoveNext")]
    private static partial Regex StateMachine();

    [GeneratedRegex(@"<>c(?:__DisplayClass[\d_]+)?\.")]
    private static partial Regex Closure();

    /// <summary>The field the compiler makes for a primary constructor's parameter (&lt;say&gt;P) or an auto-property.</summary>
    [GeneratedRegex(@"^<(\w+)>(P|k__BackingField)$")]
    private static partial Regex FieldName();
}
