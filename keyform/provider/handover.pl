# A launch's side of the warm provider (keyform/provider/warm.py), run by the launcher where there is a perl:
# the protocol of handover.py's hand_over, in ~3 ms of CPU where Python's start alone costs ~17 ms. Perl's
# built-ins only (its Socket module alone costs ~15 ms to load), with Linux's numbers for AF_UNIX and
# SOCK_STREAM. Arguments: the Python a cold launch runs, then the launch's own.
my ($python, @args) = @ARGV;
$SIG{PIPE} = 'IGNORE';  # a warm provider gone mid-request is an error to read, not a signal that kills the launch

sub cold {  # not served there: this process becomes the cold launch, which does not try again
    delete $ENV{KEYFORM_PROVIDER_WARM};
    exec {$python} $python, '-m', 'keyform.provider', @args;
    print STDERR "keyform rest provider: cannot run $python: $!\n";
    exit 1;
}

my $body = join("\0", $ENV{KEYFORM_LAUNCHER_DIGEST}, $ENV{KEYFORM_LAUNCHER_VERSION}, @args);
my $request = pack('N', length $body) . $body;
socket(my $warm, 1, 1, 0) or cold();
connect($warm, pack('S Z108', 1, $ENV{KEYFORM_PROVIDER_WARM})) or cold();
(syswrite($warm, $request) // -1) == length $request or cold();
my $first = '';
sysread($warm, $first, 1);
cold() unless $first eq 'S';  # refused, or the warm provider died before forking: nothing of this launch runs

# Terraform interrupts its whole process group on Ctrl-C; the provider ends when Terraform tells it to. A
# Terraform killed (not ending its plugins) leaves this launch to init: it leaves then, as a cold launch does,
# and closing the connection ends the child.
$SIG{INT} = 'IGNORE';
my $parent = getppid();
my $answer = '';
while (1) {
    my $readable = '';
    vec($readable, fileno($warm), 1) = 1;
    if (select($readable, undef, undef, 1.0) <= 0) {  # a second without a word (or a signal): Terraform still there?
        last if getppid() != $parent;
        next;
    }
    last unless sysread($warm, my $chunk, 2);
    $answer .= $chunk;
}
close $warm;
my $code = length($answer) >= 2 && substr($answer, 0, 1) eq 'E' ? ord(substr($answer, 1, 1)) : 1;

if (my $timings = $ENV{KEYFORM_PROVIDER_TIMINGS}) {  # the benchmark's line: CPU ms (the scheduler's count), peak KiB
    my ($cpu_ns, $peak_kib) = (0, 0);
    if (open(my $stat, '<', '/proc/self/schedstat')) { ($cpu_ns) = split(' ', scalar <$stat>); }
    else { my ($user, $system) = times; $cpu_ns = ($user + $system) * 1e9; }
    if (open(my $status, '<', '/proc/self/status')) { /^VmHWM:\s+(\d+)/ and $peak_kib = $1 for <$status>; }
    if (open(my $log, '>>', $timings)) { printf $log "process %.1f %d\n", $cpu_ns / 1e6, $peak_kib; close $log; }
}
exit $code;
