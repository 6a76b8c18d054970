using GradCheck.Parameters;

namespace GradCheck.NUnit;

/// <summary>The actual value of a Jacobian or Hessian-vector product constraint, of the one type it can be.</summary>
internal static class JacobianActualValue
{
    /// <summary>The actual value as <typeparamref name="TExpected"/>, or an exception that says what it should be.</summary>
    /// <param name="actual">What <c>Assert.That</c> was given.</param>
    /// <param name="what">What the value should be, such as <c>the analytic Jacobian (outputs, inputs)</c>.</param>
    /// <exception cref="ArgumentException">The value is of another type.</exception>
    public static TExpected As<TExpected>(object? actual, string what)
        where TExpected : class =>
        actual as TExpected ?? throw new ArgumentException(
            $"The actual value must be {what}, a {TypeNames.Friendly(typeof(TExpected))}; it is {(actual is null ? "null" : "a " + TypeNames.Friendly(actual.GetType()))}.",
            nameof(actual));
}
