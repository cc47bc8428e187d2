using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Fidelity;

/// <summary>
/// Lesson 00's note on `var n = i;`: a C# `for` loop has one variable for all iterations, so goroutines that
/// capture it print its final value; Go 1.22+ gives each iteration its own variable (tests/GoReference/e1-runnext
/// captures `i` directly and prints `9 0 1 2 3 4 5 6 7 8` at GOMAXPROCS=1), which the copy reproduces.
/// </summary>
public class LoopVariableTests
{
    private static RunResult TenGoroutines(bool copy) => Run(async () =>
    {
        var wg = new WaitGroup();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            wg.Add(1);
            Go(() => { Println(copy ? n : i); wg.Done(); });
        }
        await wg.Wait();
    }, new RunOptions { MaxProcs = 1 });

    [Fact]
    public void Goroutines_capturing_the_CSharp_for_variable_all_print_its_final_value()
    {
        Assert.Equal("10 10 10 10 10 10 10 10 10 10", TenGoroutines(copy: false).OutputLine);
    }

    [Fact]
    public void A_copy_per_iteration_prints_what_Go_1_22_prints()
    {
        Assert.Equal("9 0 1 2 3 4 5 6 7 8", TenGoroutines(copy: true).OutputLine);
    }
}
