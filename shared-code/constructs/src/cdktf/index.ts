// The one module that imports the cdktf core. cdktf is archived upstream; moving to its maintained fork means
// changing these lines and the provider imports, nothing in the stacks (ADR 0007).
export {
  App,
  AssetType,
  Fn,
  Lazy,
  LocalBackend,
  S3Backend,
  TerraformAsset,
  TerraformOutput,
  TerraformStack,
  Testing,
  Token,
} from 'cdktf';
export { Construct, type IConstruct } from 'constructs';
