using Goroutines;
using static Goroutines.Runtime;

namespace Goroutines.Tests.Chans;

/// <summary>Channel semantics, ported from Go's chan_test.go where named.</summary>
public class ChanTests
{
    private static readonly RunOptions OneP = new() { MaxProcs = 1 };

    [Fact]
    public void An_unbuffered_send_hands_the_value_to_the_waiting_receiver_and_the_sender_keeps_running()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            Go(async () =>
            {
                var v = await ch.Recv();
                Println("received", v);
            });
            await Gosched();          // the receiver parks on ch
            await ch.Send(42);        // goready puts it in runnext; main keeps running
            Println("sent");
            await Gosched();
        }, OneP);

        Assert.Equal(["sent", "received 42"], run.Output);
    }

    [Fact]
    public void TestChan_buffered_values_arrive_in_order_then_the_zero_value_with_ok_false_after_close()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(3);
            await ch.Send(1);
            await ch.Send(2);
            await ch.Send(3);
            Println(ch.Len, ch.Cap);
            ch.Close();
            for (var i = 0; i < 4; i++)
            {
                var (v, ok) = await ch.RecvOk();
                Println(v, ok);
            }
        }, OneP);

        Assert.Equal(["3 3", "1 true", "2 true", "3 true", "0 false"], run.Output);
    }

    [Fact]
    public void TestChan_close_unblocks_a_blocked_receiver_with_the_zero_value()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<string>();
            var done = new Chan<bool>();
            Go(async () =>
            {
                var (v, ok) = await ch.RecvOk();
                Println(v is null ? "<nil>" : v, ok);
                await done.Send(true);
            });
            await Gosched();
            ch.Close();
            await done.Recv();
        }, new RunOptions { MaxProcs = 4 });

        Assert.Equal(["<nil> false"], run.Output);
    }

    [Fact]
    public void A_full_buffer_blocks_the_sender_until_a_receiver_takes_the_head_and_the_senders_value_joins_the_tail()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(2);
            await ch.Send(1);
            await ch.Send(2);
            Go(async () => { await ch.Send(3); Println("sender unblocked"); });
            await Gosched();                // the sender parks: the buffer is full
            Println(await ch.Recv());       // 1; the sender's 3 goes to the buffer's tail
            Println(await ch.Recv());
            Println(await ch.Recv());
        }, OneP);

        Assert.Equal(["1", "2", "3"], run.Output.Where(l => l != "sender unblocked").ToList());
        Assert.Equal(Outcome.Completed, run.Outcome);
    }

    [Fact]
    public void Send_on_a_closed_channel_panics_with_Gos_text()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(1);
            ch.Close();
            await ch.Send(1);
        }, OneP);

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: send on closed channel\n\ngoroutine 1 [running]:", run.Message);
    }

    [Fact]
    public void A_sender_blocked_when_the_channel_closes_panics()
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>();
            Go(async () => await ch.Send(1));
            await Gosched();
            ch.Close();
            await Gosched();
        }, OneP);

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: send on closed channel", run.Message);
    }

    [Theory]
    [InlineData(false, "close of closed channel")]
    [InlineData(true, "close of nil channel")]
    public void Closing_a_closed_or_nil_channel_panics(bool nil, string text)
    {
        var run = Run(() =>
        {
            var ch = nil ? null : new Chan<int>();
            if (!nil) ch.Close();
            ch.Close();
        }, OneP);

        Assert.Equal(Outcome.Panic, run.Outcome);
        Assert.StartsWith("panic: " + text, run.Message);
    }

    [Fact]
    public void A_recovered_panic_is_just_an_exception_the_goroutine_caught()
    {
        var run = Run(() =>
        {
            var ch = new Chan<int>();
            ch.Close();
            try { ch.Close(); }
            catch (GoPanicException e) { Println("recovered:", e.Message); }
        }, OneP);

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Equal(["recovered: close of closed channel"], run.Output);
    }

    [Theory]
    [InlineData(true, "chan receive (nil chan)")]
    [InlineData(false, "chan send (nil chan)")]
    public void A_nil_channel_blocks_forever(bool receive, string reason)
    {
        var run = Run(async () =>
        {
            Chan<int>? ch = null;
            if (receive) await ch.Recv();
            else await ch.Send(1);
        }, OneP);

        Assert.Equal(Outcome.Deadlock, run.Outcome);
        Assert.Contains($"goroutine 1 [{reason}]:", run.Message);
    }

    [Fact]
    public void A_negative_capacity_panics_like_makechan()
    {
        var e = Assert.Throws<GoPanicException>(() => new Chan<int>(-1));
        Assert.Equal("makechan: size out of range", e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void TestChan_100_ints_arrive_in_FIFO_order(int cap)
    {
        var run = Run(async () =>
        {
            var ch = new Chan<int>(cap);
            Go(async () =>
            {
                for (var i = 0; i < 100; i++) await ch.Send(i);
            });
            for (var i = 0; i < 100; i++)
                if (await ch.Recv() != i) Println("out of order at", i);
        }, new RunOptions { MaxProcs = 4, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void TestChan_4_senders_of_1000_and_4_receivers_receive_every_value_exactly_4_times(int cap)
    {
        var counts = new int[1000];
        var run = Run(async () =>
        {
            var ch = new Chan<int>(cap);
            var wg = new WaitGroup();
            for (var s = 0; s < 4; s++)
                Go(async () =>
                {
                    for (var i = 0; i < 1000; i++) await ch.Send(i);
                });
            for (var r = 0; r < 4; r++)
            {
                wg.Add(1);
                Go(async () =>
                {
                    for (var i = 0; i < 1000; i++) Interlocked.Increment(ref counts[await ch.Recv()]);
                    wg.Done();
                });
            }
            await wg.Wait();
        }, new RunOptions { MaxProcs = 4, RecordEvents = false });

        Assert.Equal(Outcome.Completed, run.Outcome);
        Assert.All(counts, c => Assert.Equal(4, c));
    }
}
