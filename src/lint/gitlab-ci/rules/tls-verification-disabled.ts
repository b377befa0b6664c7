import check from '../../shell/checks/tls-verification-disabled.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
