/**
 * A value that is produced when it is serialized. cdk8s applies JSON patches
 * to a JSON-cloned copy of their values after resolving the object, so a
 * patch value of this class is produced at synth time, after every other
 * construct has had its say.
 * @internal
 */
export class DeferredJson {
  constructor(private readonly produce: () => any) {}

  public toJSON(): any {
    return this.produce();
  }
}
