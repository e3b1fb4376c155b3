/**
 * Where a stack's Terraform state lives when the stack declares no backend. cdktn's default is a local
 * backend at `<synth working directory>/terraform.<stack>.tfstate`, an absolute path: every output
 * folder synthesized from that directory shares one state, so an interrupted apply in one haunts the
 * others. A stack holding flinkform constructs keeps `terraform.tfstate` beside its `cdk.tf.json`
 * instead (terraform resolves a relative path from the directory it runs in). A backend the stack
 * declares itself always wins.
 */
import {
  DataTerraformRemoteStateLocal,
  LocalBackend,
  TerraformBackend,
  type TerraformRemoteState,
  TerraformStack,
} from "cdktn";
import type { Construct, IConstruct } from "constructs";

export const STATE_FILE = "terraform.tfstate";
/** A Terraform expression (not a template), written as cdktn's own local backend writes it. */
// biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolates it
const CURRENT_WORKSPACE = "${terraform.workspace}";

class StateBesideStack extends LocalBackend {
  constructor(stack: TerraformStack) {
    super(stack, { path: STATE_FILE });
  }

  /** Another stack reads this one's state from its own folder: `stacks/<other>/` → `../<this>/`. */
  override getRemoteStateDataSource(
    scope: Construct,
    name: string,
    _fromStack: string,
  ): TerraformRemoteState {
    return new DataTerraformRemoteStateLocal(scope, name, {
      path: `../${TerraformStack.of(this).node.id}/${STATE_FILE}`,
      workspace: CURRENT_WORKSPACE,
    });
  }
}

const done = new WeakSet<TerraformStack>();

/** Makes state-beside-the-stack the default backend of `construct`'s stack. */
export function keepStateBesideStack(construct: IConstruct): void {
  let stack: TerraformStack;
  try {
    stack = TerraformStack.of(construct);
  } catch {
    return; // not in a stack: never synthesized
  }
  if (done.has(stack)) return;
  done.add(stack);
  // cdktn asks for the backend at synth (and when another stack references this one), after the
  // program has declared whatever backend it wants.
  stack.ensureBackendExists = () =>
    stack.node.findAll().find(TerraformBackend.isBackend) ?? new StateBesideStack(stack);
}
