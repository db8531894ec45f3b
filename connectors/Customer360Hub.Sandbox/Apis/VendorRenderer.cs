using Customer360Hub.Sandbox.Hosting;
using Customer360Hub.Sandbox.World;

namespace Customer360Hub.Sandbox.Apis;

/// <summary>
/// What every vendor API of the sandbox shares: the world and which records the fault knobs
/// break. A malformed record loses what the vendor never omits: its modification time (parties)
/// or its customer reference (transactions).
/// </summary>
internal sealed class VendorRenderer(SyntheticWorld world, SandboxFaults faults)
{
    public SyntheticWorld World => world;

    public bool IsMalformed(WorldRecord record) => faults.IsMalformed(record.Source + record.RecordId);
}
