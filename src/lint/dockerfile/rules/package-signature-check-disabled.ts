import check from '../../shell/checks/package-signature-check-disabled.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
