namespace PerfGate.Measurements.Statistics;

/// <summary>
/// The special functions the tests need, from Numerical Recipes (3rd ed.): ln Γ (Lanczos, g = 5, 6 terms, |ε| &lt; 2e-10),
/// the regularised incomplete beta I_x(a, b) by its continued fraction (§6.4), and the normal CDF through erfc
/// (Chebyshev fit, §6.2, |ε| &lt; 1.2e-7).
/// </summary>
internal static class SpecialFunctions
{
    private static readonly double[] Lanczos = [76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5];

    public static double LogGamma(double x)
    {
        var y = x;
        var tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.Log(tmp);
        var ser = 1.000000000190015;
        foreach (var c in Lanczos)
        {
            ser += c / ++y;
        }

        return -tmp + Math.Log(2.5066282746310005 * ser / x);
    }

    /// <summary>I_x(a, b), the regularised incomplete beta function.</summary>
    public static double IncompleteBeta(double a, double b, double x)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (x >= 1)
        {
            return 1;
        }

        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(a, b, x) / a
            : 1 - (front * ContinuedFraction(b, a, 1 - x) / b);
    }

    /// <summary>P(T &gt; t) for Student's t with <paramref name="df"/> degrees of freedom.</summary>
    public static double StudentUpperTail(double t, double df)
    {
        var half = 0.5 * IncompleteBeta(df / 2, 0.5, df / (df + (t * t)));
        return t >= 0 ? half : 1 - half;
    }

    /// <summary>P(Z &gt; z) for the standard normal.</summary>
    public static double NormalUpperTail(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    private static readonly double[] ErfcCoefficients = [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + (0.5 * z));
        var poly = 0.0;
        for (var i = ErfcCoefficients.Length - 1; i >= 0; i--)
        {
            poly = ErfcCoefficients[i] + (t * poly);
        }

        var r = t * Math.Exp((-z * z) + poly);
        return x >= 0 ? r : 2 - r;
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        const double tiny = 1e-300;
        var (qab, qap, qam) = (a + b, a + 1, a - 1);
        var c = 1.0;
        var d = 1 - (qab * x / qap);
        d = Math.Abs(d) < tiny ? tiny : d;
        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 300; m++)
        {
            var m2 = 2 * m;
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + (aa * d);
            d = Math.Abs(d) < tiny ? tiny : d;
            c = 1 + (aa / c);
            c = Math.Abs(c) < tiny ? tiny : c;
            d = 1 / d;
            var del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 3e-16)
            {
                break;
            }
        }

        return h;
    }
}
