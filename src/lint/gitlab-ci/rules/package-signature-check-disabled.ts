import check from '../../shell/checks/package-signature-check-disabled.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
