import check from '../../shell/checks/download-piped-to-shell.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
