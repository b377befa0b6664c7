import check from '../../shell/checks/dnf-missing-yes.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
