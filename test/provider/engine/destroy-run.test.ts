/**
 * Which terraform runs are destroys: before a destroy terraform plans normally, and plan-time checks
 * must not fail that plan (test/cli/synth-terraform.test.ts runs the real `terraform destroy`).
 */
import { isDestroyCommand } from "../../../provider/engine/destroy-run";

test.each([
  [["destroy", "-auto-approve"], true],
  [["-chdir=stacks/shop", "destroy"], true],
  [["apply", "-destroy", "-auto-approve"], true],
  [["plan", "-destroy", "-out=tfplan"], true],
  [["plan", "--destroy=true"], true],
  [["plan", "-no-color"], false],
  [["apply", "-auto-approve"], false],
  [["apply", "destroy.tfplan"], false],
  [["-chdir=destroy", "plan"], false],
  [[], false],
])("terraform %j is a destroy: %s", (args, destroying) => {
  expect(isDestroyCommand(args)).toBe(destroying);
});
